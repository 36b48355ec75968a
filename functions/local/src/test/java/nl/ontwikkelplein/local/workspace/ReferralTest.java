package nl.ontwikkelplein.local.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import nl.ontwikkelplein.domain.Enrolment;
import nl.ontwikkelplein.domain.Location;
import nl.ontwikkelplein.domain.Offer;
import nl.ontwikkelplein.domain.OfferInput;
import nl.ontwikkelplein.domain.OfferService;
import nl.ontwikkelplein.domain.Organisation;
import nl.ontwikkelplein.domain.Participant;
import nl.ontwikkelplein.domain.Role;
import nl.ontwikkelplein.domain.StaffMember;
import nl.ontwikkelplein.local.LocalStackTest;
import nl.ontwikkelplein.local.TestStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Warm referral on the real local stack: a professional of a partner signs in like staff, enrols
 * a client with consent and what was explained, follows their own referrals and sees nothing
 * else; the library sees who referred whom.
 */
@LocalStackTest
class ReferralTest {
    static TestStack stack;
    static Offer offerA, offerB, offerC;

    @BeforeAll
    static void data() {
        var stores = stack.stack().stores();
        stores.catalog().saveOrganisation(new Organisation("bieb-a", "Bibliotheek A", null));
        stores.catalog().saveOrganisation(new Organisation("bieb-b", "Bibliotheek B", null));
        stores.catalog().saveLocation(new Location("vestiging-a", "bieb-a", "Vestiging A", Location.LocationKind.BRANCH,
                new Location.Address("Straat 1", "1234 AB", "Plaats"), null, null));
        LocalDateTime later = LocalDateTime.now().plusDays(8).truncatedTo(ChronoUnit.HOURS).withHour(10);
        OfferService offers = new OfferService(stores.catalog(), Clock.systemUTC());
        offerA = offers.create(new OfferInput("bieb-a", "Taalcafé A", null, null, "MEETUP", "BASIC_SKILLS", List.of(), List.of(), null, 0L, null,
                null, null, List.of(new OfferInput.SessionInput(null, later.toString(), later.plusHours(2).toString(), "vestiging-a", 1, null))));
        offerB = offers.create(new OfferInput("bieb-b", "Taalcafé B", null, null, "MEETUP", "BASIC_SKILLS", List.of(), List.of(), null, 0L, null,
                null, null, List.of(new OfferInput.SessionInput(null, later.toString(), later.plusHours(2).toString(), "vestiging-a", 5, null))));
        offerC = offers.create(new OfferInput("bieb-a", "Voorleesuur", null, null, "MEETUP", "BASIC_SKILLS", List.of(), List.of(), null, 0L, null,
                null, null, List.of(new OfferInput.SessionInput(null, later.toString(), later.plusHours(1).toString(), "vestiging-a", 20, null))));
        Instant now = Instant.now();
        stores.staff().create(new StaffMember("fatima", "fatima@taalhuis.test", "Fatima (Taalhuis)", Role.REFERRER, List.of("bieb-a"), now, null));
        stores.staff().create(new StaffMember("gerrit", "gerrit@wijkteam.test", "Gerrit (wijkteam)", Role.REFERRER, List.of("bieb-a"), now, null));
        stores.staff().create(new StaffMember("anna", "anna@bieb.test", "Anna", Role.EDITOR, List.of("bieb-a"), now, null));
    }

    static String form(Offer o) {
        return "/beheer/verwijzen/" + o.id() + "/" + o.sessions().get(0).id();
    }

    static Map<String, String> client(String name, String phone) {
        return Map.of("naam", name, "telefoon", phone, "toestemming", "ja", "uitleg", "Ik heb verteld wat het taalcafé is, wanneer en waar.");
    }

    @Test
    void aProfessionalEnrolsAClientWithConsentAndFollowsOnlyTheirOwnReferrals() throws Exception {
        StaffClient fatima = new StaffClient(stack);
        fatima.signIn("fatima@taalhuis.test");
        assertEquals("/beheer/verwijzen", fatima.get("/beheer/aanbod").headers().firstValue("location").orElse(""), "a referrer's home");
        HttpResponse<String> home = fatima.get("/beheer/verwijzen");
        assertEquals(200, home.statusCode());
        assertTrue(home.body().contains("Taalcafé A"), "the dates of the library they work with");
        assertFalse(home.body().contains("Taalcafé B"), "not another library's");
        assertFalse(home.body().contains("Ons aanbod"), "no staff navigation");

        HttpResponse<String> noConsent = fatima.post(form(offerA), Map.of("naam", "Samira", "telefoon", "0612300001", "uitleg", "kort"));
        assertEquals(400, noConsent.statusCode());
        assertTrue(noConsent.body().contains("Vraag eerst of uw cliënt het goed vindt"), noConsent.body());
        assertTrue(noConsent.body().contains("href=\"#veld-toestemming\""), "the error summary links to the box");
        assertTrue(stack.stack().stores().participants().of(offerA.id(), offerA.sessions().get(0).id()).isEmpty(), "nothing enrolled");

        HttpResponse<String> done = fatima.post(form(offerA), client("Samira El Idrissi", "0612300002"));
        assertEquals(303, done.statusCode(), done.body());
        assertTrue(done.headers().firstValue("location").orElse("").endsWith("melding=aangemeld"));
        HttpResponse<String> waiting = fatima.post(form(offerA), client("Piet Smit", "0612300003"));
        assertTrue(waiting.headers().firstValue("location").orElse("").endsWith("melding=wachtlijst"));

        String mine = fatima.get("/beheer/verwijzen").body();
        assertTrue(mine.contains("Samira El Idrissi") && mine.contains(">Aangemeld<"), mine);
        assertTrue(mine.contains("Piet Smit") && mine.contains("Op de wachtlijst (plek 1)"));

        Participant samira = stack.stack().stores().participants().of(offerA.id(), offerA.sessions().get(0).id()).stream()
                .filter(p -> p.enrolment().name().equals("Samira El Idrissi")).findFirst().orElseThrow();
        Enrolment.Referral referral = samira.enrolment().referral();
        assertEquals("staff:fatima", referral.referrerId());
        assertEquals("Ik heb verteld wat het taalcafé is, wanneer en waar.", referral.consentNote());

        // The library sees who referred whom.
        StaffClient anna = new StaffClient(stack);
        anna.signIn("anna@bieb.test");
        String list = anna.get("/beheer/aanbod/" + offerA.id() + "/data/" + offerA.sessions().get(0).id() + "/deelnemers").body();
        assertTrue(list.contains("aangemeld door Fatima (Taalhuis)"), list);

        // Another professional sees none of it.
        StaffClient gerrit = new StaffClient(stack);
        gerrit.signIn("gerrit@wijkteam.test");
        String his = gerrit.get("/beheer/verwijzen").body();
        assertFalse(his.contains("Samira") || his.contains("Piet Smit"), his);
        assertTrue(his.contains("U hebt nog niemand aangemeld."));
    }

    @Test
    void aReferrerSeesNoParticipantsNoCallListAndNoOtherLibrary() throws Exception {
        StaffClient fatima = new StaffClient(stack);
        fatima.signIn("fatima@taalhuis.test");
        fatima.get("/beheer/verwijzen");
        String date = "/beheer/aanbod/" + offerA.id() + "/data/" + offerA.sessions().get(0).id();
        assertEquals(403, fatima.get(date + "/deelnemers").statusCode());
        assertEquals(403, fatima.get(date + "/deelnemers.csv").statusCode());
        assertEquals(403, fatima.get("/beheer/aanbod/" + offerA.id()).statusCode());
        assertEquals(403, fatima.get("/beheer/bellijst").statusCode());
        assertEquals(403, fatima.get("/beheer/medewerkers").statusCode());
        assertEquals(403, fatima.get(form(offerB)).statusCode(), "not their library");
        assertEquals(403, fatima.post(form(offerB), client("Iemand", "0612300009")).statusCode());
        assertEquals(403, fatima.post(date + "/deelnemers/aanmelden", Map.of("naam", "X", "telefoon", "0612300010")).statusCode());
        assertEquals(404, fatima.get("/beheer/verwijzen/bestaat-niet/x").statusCode());
        assertEquals(0, stack.stack().stores().catalog().offer(offerB.id()).orElseThrow().sessions().get(0).taken());

        // Editors and visitors cannot refer.
        StaffClient anna = new StaffClient(stack);
        anna.signIn("anna@bieb.test");
        anna.get("/beheer/aanbod");
        assertEquals(403, anna.get(form(offerA)).statusCode());
        assertEquals(403, anna.post(form(offerA), client("Iemand", "0612300011")).statusCode());
        StaffClient nobody = new StaffClient(stack);
        assertEquals(303, nobody.get("/beheer/verwijzen").statusCode());
        assertEquals(303, nobody.get(form(offerA)).statusCode());
    }

    @Test
    void hostileAndOversizedInputIsRefusedClearlyAndShownAsText() throws Exception {
        StaffClient fatima = new StaffClient(stack);
        fatima.signIn("fatima@taalhuis.test");
        fatima.get("/beheer/verwijzen"); // the page's CSRF token for the posts below
        HttpResponse<String> tooLong = fatima.post(form(offerC), Map.of("naam", "Y", "telefoon", "0612300020", "toestemming", "ja",
                "uitleg", "x".repeat(1001)));
        assertEquals(400, tooLong.statusCode());
        assertTrue(tooLong.body().contains("hoogstens 1000 tekens"));
        HttpResponse<String> search = fatima.get("/beheer/verwijzen?zoek=%3Cscript%3Ealert(1)%3C%2Fscript%3E");
        assertEquals(200, search.statusCode());
        assertFalse(search.body().contains("<script>alert(1)"), "the search is shown as text");
        HttpResponse<String> hostileName = fatima.post(form(offerC), client("<b>vet</b>", "0612300021"));
        assertTrue(hostileName.statusCode() == 303);
        String mine = fatima.get("/beheer/verwijzen").body();
        assertTrue(mine.contains("&lt;b&gt;vet&lt;/b&gt;"), "a client's name is escaped");
    }
}
