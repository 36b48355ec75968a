package nl.ontwikkelplein.domain;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Staff's work with the people enrolled in a date or course: the list, enrolling someone who
 * phoned or walked in (through the same seat transaction as the public form), removing someone
 * (their seat comes free), attendance, and the CSV export. Permissions are checked here, and every
 * change goes to the audit trail as a count, never with names.
 */
public final class ParticipantService {
    private final Participants participants;
    private final EnrolmentService enrolments;
    private final Waitlists waitlists;
    private final Audit audit;
    private final java.time.Clock clock;

    public ParticipantService(Participants participants, EnrolmentService enrolments, Waitlists waitlists, Audit audit, java.time.Clock clock) {
        this.participants = participants;
        this.enrolments = enrolments;
        this.waitlists = waitlists;
        this.audit = audit;
        this.clock = clock;
    }

    /** The enrolment scope a date belongs to: the date itself, or (for a course) the course. */
    static String scope(Offer offer, String sessionId) {
        return offer.isCourse() ? null : sessionId;
    }

    public List<Participant> list(Actor actor, Offer offer, String sessionId) {
        Permissions.require(actor, Permission.VIEW_PARTICIPANTS, offer.organisationId());
        return participants.of(offer.id(), scope(offer, sessionId));
    }

    /** @return the outcome, as the public form would get it */
    public EnrolmentService.Result enrol(Actor actor, Offer offer, String sessionId, String name, String phone) {
        Permissions.require(actor, Permission.MANAGE_PARTICIPANTS, offer.organisationId());
        EnrolmentService.Result result = offer.isCourse() ? enrolments.enrolInCourse(offer.id(), name, phone, EnrolmentService.Caller.STAFF)
                : enrolments.enrol(offer.id(), sessionId, name, phone, EnrolmentService.Caller.STAFF);
        if (result.outcome().hasPlace())
            audit.record(actor, "OFFER", offer.id(), offer.organisationId(), "PARTICIPANT_ADDED", List.of("participants"));
        return result;
    }

    /**
     * Cancels for someone who phoned (or did not come): their seat goes to the first person waiting
     * at once. The enrolment stays, cancelled, so their private link says so.
     *
     * @return false when the person was no longer enrolled
     */
    public boolean remove(Actor actor, Offer offer, String sessionId, String personKey) {
        Permissions.require(actor, Permission.MANAGE_PARTICIPANTS, offer.organisationId());
        String scope = scope(offer, sessionId);
        boolean removed = participants.cancel(offer.id(), scope, personKey, offer.seatSessionIds(sessionId), clock.instant()).isPresent();
        if (removed) {
            audit.record(actor, "OFFER", offer.id(), offer.organisationId(), "PARTICIPANT_REMOVED", List.of("participants"));
            waitlists.fill(offer.id(), scope);
        }
        return removed;
    }

    /**
     * Accepts a request after its intake call; a request that held no seat takes one now.
     *
     * @return PROMOTED (accepted), NO_SEAT (full: decline or keep it waiting), NOT_WAITING (no request any more)
     */
    public Participants.Promotion accept(Actor actor, Offer offer, String sessionId, String personKey) {
        Permissions.require(actor, Permission.MANAGE_PARTICIPANTS, offer.organisationId());
        Participants.Promotion outcome = participants.accept(offer.id(), scope(offer, sessionId), personKey, offer.seatSessionIds(sessionId),
                clock.instant());
        if (outcome == Participants.Promotion.PROMOTED)
            audit.record(actor, "OFFER", offer.id(), offer.organisationId(), "REQUEST_ACCEPTED", List.of("participants"));
        return outcome;
    }

    /** @param marks person key → attendance; people not in the map are left as they are */
    public void attendance(Actor actor, Offer offer, String sessionId, Map<String, Attendance> marks) {
        Permissions.require(actor, Permission.MANAGE_PARTICIPANTS, offer.organisationId());
        int changed = 0;
        for (Map.Entry<String, Attendance> m : marks.entrySet())
            if (participants.setAttendance(offer.id(), scope(offer, sessionId), m.getKey(), sessionId, m.getValue())) changed++;
        if (changed > 0) audit.record(actor, "OFFER", offer.id(), offer.organisationId(), "ATTENDANCE", List.of("attendance"));
    }

    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm");

    /**
     * The list as CSV that opens correctly in Dutch Excel: UTF-8 with a byte order mark, semicolons,
     * CRLF. Cells that a spreadsheet would read as a formula (starting with =, +, -, @, tab or
     * carriage return) get a leading apostrophe, so a name like "=HYPERLINK(...)" stays text.
     */
    public static byte[] csv(List<Participant> list, String sessionId) {
        StringBuilder b = new StringBuilder("\uFEFF");
        row(b, List.of("Naam", "Telefoon", "Aangemeld op", "Status", "Aanwezig"));
        for (Participant p : list) {
            if (!p.enrolment().status().isActive()) continue;
            Attendance a = p.attendanceAt(sessionId);
            row(b, List.of(p.enrolment().name(), p.enrolment().phone(),
                    CREATED.format(LocalDateTime.ofInstant(p.enrolment().createdAt(), Session.ZONE)),
                    switch (p.enrolment().status()) {
                        case CONFIRMED -> "aangemeld";
                        case REQUESTED -> "aanvraag";
                        default -> "wachtlijst";
                    },
                    a == null ? "" : a == Attendance.PRESENT ? "ja" : "nee"));
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void row(StringBuilder b, List<String> cells) {
        List<String> out = new ArrayList<>();
        for (String cell : cells) out.add(cell(cell));
        b.append(String.join(";", out)).append("\r\n");
    }

    static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) v = "'" + v;
        if (v.contains(";") || v.contains("\"") || v.contains("\n") || v.contains("\r")) v = "\"" + v.replace("\"", "\"\"") + "\"";
        return v;
    }
}
