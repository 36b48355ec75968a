package nl.ontwikkelplein.local.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import nl.ontwikkelplein.domain.Catalog;
import nl.ontwikkelplein.domain.Offer;
import nl.ontwikkelplein.domain.Session;
import nl.ontwikkelplein.local.TestStack;
import nl.ontwikkelplein.local.demo.DemoData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The calendar feeds as calendar apps read them: every feed the site links to (per organisation,
 * branch and theme) and an offer's file from the API, parsed by ical.js (Mozilla's parser, used
 * by Thunderbird and many web calendars) in Chromium and by ical4j, with the same events, the
 * same moments in Europe/Amsterdam, and a date called off as CANCELLED in both.
 */
class IcalJsBrowserTest {
    @TempDir
    static Path data;
    static TestStack stack;
    static Browser browser;
    static String icalJs;
    static Offer calledOff;

    @BeforeAll
    static void start() throws Exception {
        Browser.failIfMissingAndRequired();
        if (Browser.missing().isPresent()) return;
        try (InputStream in = IcalJsBrowserTest.class.getResourceAsStream("/icaljs/ical.es5.cjs")) {
            if (in == null) throw new IllegalStateException("ical.js is missing from the test classpath: the pom unpacks it (generate-test-resources)");
            icalJs = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        stack = TestStack.start(data);
        Catalog catalog = stack.stack().stores().catalog();
        assertTrue(DemoData.loadIfEmpty(catalog, Clock.systemUTC()));
        // One date called off, so the feeds carry STATUS:CANCELLED.
        Offer some = catalog.publicOffers().stream().filter(o -> o.sessions().size() > 1).findFirst().orElseThrow();
        List<Session> sessions = new ArrayList<>(some.sessions());
        Session first = sessions.get(0);
        sessions.set(0, new Session(first.id(), first.start(), first.end(), first.locationId(), first.seats(), first.taken(), Session.SessionStatus.CANCELLED));
        catalog.updateOffer(some.withSessions(sessions));
        calledOff = catalog.offer(some.id()).orElseThrow();
        stack.stack().scheduler().runNow("SiteRebuildFunction");
        browser = Browser.start(800, 600, true);
    }

    @BeforeEach
    void browserInstalled() { Browser.requireInstalled(); }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
        if (stack != null) stack.close();
    }

    /** The feeds linked from the site's lists, and the offer files of the API. */
    private static Set<String> feeds() throws Exception {
        Set<String> out = new LinkedHashSet<>();
        Pattern feed = Pattern.compile("href=\"(/[a-z0-9/-]+/agenda\\.ics)\"");
        for (String list : List.of("/bibliotheek/" + DemoData.ORGANISATION + "/", "/vestiging/hardenberg/", "/thema/digitale-vaardigheden/")) {
            Matcher m = feed.matcher(stack.get(list).body());
            assertTrue(m.find(), list + " links its feed");
            out.add(m.group(1));
        }
        out.add("/api/offers/" + calledOff.id() + "/agenda.ics");
        out.add("/api/offers/" + calledOff.id() + "/sessions/" + calledOff.sessions().get(1).id() + "/agenda.ics");
        return out;
    }

    @Test
    void everyFeedParsesInIcalJsAndIcal4jWithTheSameEvents() throws Exception {
        boolean sawCancelled = false;
        for (String path : feeds()) {
            var response = stack.get(path);
            assertEquals(200, response.statusCode(), path);
            String text = response.body();
            List<String> byIcal4j = ical4j(text);
            @SuppressWarnings("unchecked")
            List<String> byIcalJs = (List<String>) browser.script(icalJs + """
                    ;const jcal = ICAL.parse(arguments[0]);
                    const calendar = new ICAL.Component(jcal);
                    for (const tz of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
                    return calendar.getAllSubcomponents('vevent').map(v => {
                      const e = new ICAL.Event(v);
                      return [e.uid, e.startDate.toJSDate().getTime(), e.endDate.toJSDate().getTime(), e.startDate.zone.tzid,
                              v.getFirstPropertyValue('status') || '', String(v.getFirstPropertyValue('sequence'))].join(' ');
                    });
                    """, text);
            assertFalse(byIcal4j.isEmpty(), path + " has events");
            assertEquals(byIcal4j, byIcalJs, path + ": ical.js reads what ical4j reads");
            assertTrue(byIcalJs.stream().allMatch(e -> e.contains(" Europe/Amsterdam ")), "every date in Amsterdam time: " + byIcalJs);
            sawCancelled |= byIcalJs.stream().anyMatch(e -> e.startsWith(calledOff.id() + "." + calledOff.sessions().get(0).id() + "@") && e.contains(" CANCELLED "));
        }
        assertTrue(sawCancelled, "the date called off is in a feed as CANCELLED");
    }

    @Test
    void brokenCalendarTextMakesIcalJsThrowSoTheCheckAboveCanFail() {
        Object answer = browser.script(icalJs + ";try { ICAL.parse(arguments[0]); return 'parsed'; } catch (e) { return e.name; }",
                "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;TZID=Europe/Amsterdam:2026-12-01\r\nthis is not a property\r\n");
        assertTrue(!"parsed".equals(answer), "ical.js refuses it: " + answer);
    }

    /** uid, start and end (epoch ms), zone, status, sequence: as the ical.js script gives them. */
    private static List<String> ical4j(String text) throws Exception {
        Calendar calendar = new CalendarBuilder().build(new StringReader(text));
        List<String> out = new ArrayList<>();
        for (Component c : calendar.getComponents(Component.VEVENT)) {
            VEvent e = (VEvent) c;
            var start = e.getDateTimeStart();
            var end = e.getDateTimeEnd();
            out.add(String.join(" ", e.getUid().orElseThrow().getValue(),
                    String.valueOf(java.time.ZonedDateTime.from(start.getDate()).toInstant().toEpochMilli()),
                    String.valueOf(java.time.ZonedDateTime.from(end.getDate()).toInstant().toEpochMilli()),
                    start.getParameter(net.fortuna.ical4j.model.Parameter.TZID).map(p -> p.getValue()).orElse("floating"),
                    e.getProperty(Property.STATUS).map(Property::getValue).orElse(""),
                    e.getProperty(Property.SEQUENCE).map(Property::getValue).orElse("null")));
        }
        return out;
    }
}
