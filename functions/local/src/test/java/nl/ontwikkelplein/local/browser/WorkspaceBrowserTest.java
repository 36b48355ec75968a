package nl.ontwikkelplein.local.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import nl.ontwikkelplein.domain.Offer;
import nl.ontwikkelplein.domain.OfferStatus;
import nl.ontwikkelplein.domain.Role;
import nl.ontwikkelplein.domain.StaffMember;
import nl.ontwikkelplein.local.TestStack;
import nl.ontwikkelplein.local.demo.DemoData;
import nl.ontwikkelplein.local.demo.DemoStaff;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The staff workspace in real Chromium, with JavaScript on and off: sign in through the outbox
 * link, make an offer with a weekly series, publish it, see it on the public site, enrol as a
 * visitor, find the participant, export the CSV, call off a date; axe-core (WCAG 2.2 AA) on every
 * kind of workspace page.
 */
class WorkspaceBrowserTest {
    static final DateTimeFormatter DUTCH = DateTimeFormatter.ofPattern("d-M-yyyy");
    static final AtomicInteger PHONES = new AtomicInteger();

    @TempDir
    static Path data;
    static TestStack stack;
    static Browser desktop;

    @BeforeAll
    static void start() throws Exception {
        Browser.failIfMissingAndRequired();
        if (Browser.missing().isPresent()) return;
        stack = TestStack.start(data);
        DemoData.loadIfEmpty(stack.stack().stores().catalog(), Clock.systemUTC());
        DemoStaff.loadIfEmpty(stack.stack().stores().staff(), Clock.systemUTC());
        stack.stack().scheduler().runNow("SiteRebuildFunction");
        assertTrue(TestStack.await(Duration.ofSeconds(20), () -> status("/css/site.css") == 200), "assets published");
        desktop = Browser.start(1280, 900, true);
    }

    @BeforeEach
    void browserInstalled() {
        Browser.requireInstalled();
    }

    @AfterAll
    static void stop() {
        if (desktop != null) desktop.close();
        if (stack != null) stack.close();
    }

    /** localhost, not 127.0.0.1: the address staff type, and one where browsers keep Secure cookies over http. */
    static String url(String path) {
        return stack.url(path).replace("127.0.0.1", "localhost");
    }

    static void open(Browser b, String path) {
        b.driver.get(url(path));
    }

    static void type(Browser b, String name, String value) {
        WebElement field = b.driver.findElement(By.name(name));
        field.clear();
        field.sendKeys(value);
    }

    static void choose(Browser b, String name, String value) {
        WebElement radio = b.driver.findElement(By.cssSelector("input[name='" + name + "'][value='" + value + "']"));
        b.driver.findElement(By.cssSelector("label[for='" + radio.getAttribute("id") + "']")).click();
    }

    static void submit(Browser b, String buttonText) {
        b.clickAndWait(b.driver.findElements(By.tagName("button")).stream().filter(e -> e.getText().strip().equals(buttonText)).findFirst()
                .orElseThrow(() -> new AssertionError("no button '" + buttonText + "' on " + b.driver.getCurrentUrl())));
    }

    static void click(Browser b, String linkText) {
        b.clickAndWait(b.driver.findElement(By.linkText(linkText)));
    }

    static String h1(Browser b) {
        return b.driver.findElement(By.tagName("h1")).getText().strip();
    }

    static String main(Browser b) {
        return b.driver.findElement(By.tagName("main")).getText();
    }

    static void signIn(Browser b, String email) {
        open(b, "/beheer/");
        assertEquals("Inloggen", h1(b));
        type(b, "email", email);
        submit(b, "Stuur mij een link");
        assertEquals("Kijk in uw e-mail", h1(b));
        open(b, "/_local/outbox");
        b.driver.findElements(By.cssSelector("a[href*='/beheer/inloggen/link']")).get(0).click();
        submit(b, "Inloggen");
        assertEquals("Ons aanbod", h1(b), b.driver.getCurrentUrl());
    }

    @Test
    void theMainFlowWithJavaScript() throws Exception {
        mainFlow(desktop, "Digitaal Café (met script)");
    }

    @Test
    void theMainFlowWithoutJavaScript() throws Exception {
        try (Browser noScript = Browser.start(1024, 800, false)) {
            noScript.driver.get("data:text/html,<title>zonder</title><script>document.title='met'</script>");
            assertEquals("zonder", noScript.driver.getTitle(), "JavaScript must be off in this browser");
            mainFlow(noScript, "Digitaal Café (zonder script)");
        }
    }

    private void mainFlow(Browser b, String title) throws Exception {
        b.driver.manage().deleteAllCookies();
        signIn(b, DemoStaff.HARDENBERG_EDITOR);
        click(b, "Nieuw aanbod");
        type(b, "titel", title);
        type(b, "samenvatting", "Samen leren werken met uw telefoon.");
        choose(b, "soort", "WORKSHOP");
        choose(b, "programmalijn", "BASIC_SKILLS");
        submit(b, "Opslaan");
        assertEquals(title, h1(b));
        assertTrue(main(b).contains("Concept"));
        String offerUrl = b.driver.getCurrentUrl().replaceAll("\\?.*", "");
        String id = offerUrl.substring(offerUrl.lastIndexOf('/') + 1);

        click(b, "Data toevoegen");
        LocalDate first = LocalDate.now().plusDays(10).with(TemporalAdjusters.nextOrSame(DayOfWeek.WEDNESDAY));
        type(b, "datum", DUTCH.format(first));
        type(b, "begintijd", "10:00");
        type(b, "eindtijd", "11:30");
        new Select(b.driver.findElement(By.name("locatie"))).selectByValue("hardenberg");
        type(b, "plaatsen", "6");
        choose(b, "herhaling", "week");
        type(b, "aantal", "4");
        submit(b, "Data toevoegen");
        assertTrue(main(b).contains("De data zijn toegevoegd."), main(b));
        assertEquals(4, offer(id).sessions().size());

        submit(b, "Publiceren");
        assertTrue(main(b).contains("Het aanbod is gepubliceerd."));
        assertEquals(OfferStatus.PUBLISHED, offer(id).status());
        assertTrue(TestStack.await(Duration.ofSeconds(20), () -> status("/aanbod/" + id + "/") == 200), "the public page appears");

        // A visitor enrols on the public page.
        open(b, "/aanbod/" + id + "/");
        WebElement form = b.driver.findElements(By.cssSelector("form.op-form")).get(0);
        form.findElement(By.name("name")).sendKeys("Fatima El Amrani");
        form.findElement(By.name("phone")).sendKeys(String.format("06%08d", 20_000_000 + PHONES.incrementAndGet() + (title.length() * 1000)));
        form.findElement(By.cssSelector("button[type=submit]")).click();
        assertTrue(main(b).contains("U bent aangemeld"), main(b));

        // Staff find her in the list and export it.
        b.driver.get(offerUrl);
        b.driver.findElements(By.partialLinkText("Deelnemers")).get(0).click();
        assertEquals("Deelnemers", h1(b));
        assertTrue(main(b).contains("Fatima El Amrani"));
        String csvHref = b.driver.findElement(By.partialLinkText("Download als CSV")).getAttribute("href");
        Cookie session = b.driver.manage().getCookieNamed("__Host-op-sessie");
        assertTrue(session.isSecure() && session.isHttpOnly(), "the session cookie is Secure and HttpOnly");
        HttpResponse<String> csv = stack.send(HttpRequest.newBuilder(URI.create(csvHref.replace("localhost", "127.0.0.1")))
                .header("Cookie", "__Host-op-sessie=" + session.getValue()).GET());
        assertEquals(200, csv.statusCode());
        assertTrue(csv.body().contains("Fatima El Amrani;"));

        // Call off the second date.
        b.driver.get(offerUrl);
        b.driver.findElements(By.partialLinkText("Wijzigen")).stream().filter(e -> e.getAttribute("href").contains("/data/")).toList().get(1).click();
        assertEquals("Datum wijzigen", h1(b));
        WebElement cancel = b.driver.findElement(By.cssSelector("input[name='afzeggen']"));
        b.driver.findElement(By.cssSelector("label[for='" + cancel.getAttribute("id") + "']")).click();
        type(b, "reden", "De docent is ziek.");
        submit(b, "Opslaan");
        assertTrue(main(b).contains("Gaat niet door"), main(b));
        assertTrue(TestStack.await(Duration.ofSeconds(20), () -> page("/aanbod/" + id + "/").contains("Gaat niet door: De docent is ziek.")));
    }

    @Test
    void aReferrersPagesWorkAndHaveNoWcagViolations() {
        Browser b = desktop;
        b.driver.manage().deleteAllCookies();
        open(b, "/beheer/");
        type(b, "email", DemoStaff.REFERRER);
        submit(b, "Stuur mij een link");
        open(b, "/_local/outbox");
        b.clickAndWait(b.driver.findElements(By.cssSelector("a[href*='/beheer/inloggen/link']")).get(0));
        submit(b, "Inloggen");
        assertEquals("Mijn verwijzingen", h1(b), b.driver.getCurrentUrl());
        PageChecks.assertNoAxeViolations(b, "a referrer's page");
        b.clickAndWait(b.driver.findElements(By.cssSelector("main .op-agenda a")).get(0));
        assertEquals("Cliënt aanmelden", h1(b));
        PageChecks.assertNoAxeViolations(b, "the referral form");
        submit(b, "Aanmelden");
        assertTrue(main(b).contains("Vraag eerst of uw cliënt het goed vindt"), main(b));
        PageChecks.assertNoAxeViolations(b, "the referral form with errors");
        type(b, "naam", "Samira El Idrissi");
        type(b, "telefoon", "06 55512345");
        b.driver.findElement(By.cssSelector("label[for='veld-toestemming']")).click();
        type(b, "uitleg", "Ik heb uitgelegd wat de cursus is en dat de bibliotheek kan bellen.");
        submit(b, "Aanmelden");
        assertEquals("Mijn verwijzingen", h1(b));
        assertTrue(main(b).contains("Samira El Idrissi"), main(b));
        PageChecks.assertNoAxeViolations(b, "a referrer's page with a referral");
        PageChecks.assertNoHorizontalScroll(b, "a referrer's page");
    }

    @Test
    void everyKindOfWorkspacePageHasNoWcagViolations() throws Exception {
        Browser b = desktop;
        b.driver.manage().deleteAllCookies();
        open(b, "/beheer/");
        PageChecks.assertNoAxeViolations(b, "the sign-in form");
        submit(b, "Stuur mij een link");
        PageChecks.assertNoAxeViolations(b, "the sign-in form with an error");
        type(b, "email", DemoStaff.ADMIN_EMAIL);
        submit(b, "Stuur mij een link");
        PageChecks.assertNoAxeViolations(b, "the 'check your mail' page");
        open(b, "/_local/outbox");
        b.driver.findElements(By.cssSelector("a[href*='/beheer/inloggen/link']")).get(0).click();
        PageChecks.assertNoAxeViolations(b, "the sign-in confirmation");
        submit(b, "Inloggen");
        PageChecks.assertNoAxeViolations(b, "the offer list");
        Offer klikEnTik = offer(stack.stack().stores().catalog().offersOf(DemoData.ORGANISATION).stream()
                .filter(o -> o.title().equals("Klik & Tik: de basis")).findFirst().orElseThrow().id());
        String offer = "/beheer/aanbod/" + klikEnTik.id();
        open(b, offer);
        PageChecks.assertNoAxeViolations(b, "an offer's overview");
        open(b, offer + "/bewerken");
        PageChecks.assertNoAxeViolations(b, "the offer form");
        type(b, "titel", "");
        type(b, "prijs", "veel");
        submit(b, "Opslaan");
        PageChecks.assertNoAxeViolations(b, "the offer form with errors");
        open(b, offer + "/data");
        PageChecks.assertNoAxeViolations(b, "the dates form");
        String date = offer + "/data/" + klikEnTik.sessions().get(0).id();
        open(b, date);
        PageChecks.assertNoAxeViolations(b, "the date form");
        open(b, date + "/deelnemers");
        PageChecks.assertNoAxeViolations(b, "the participant list");
        open(b, date + "/deelnemers?afdrukken=ja");
        PageChecks.assertNoAxeViolations(b, "the printable attendance list");
        open(b, "/beheer/aanbod/nieuw?organisatie=" + DemoData.ORGANISATION);
        PageChecks.assertNoAxeViolations(b, "the new offer form");
        for (String admin : List.of("/beheer/organisaties", "/beheer/locaties", "/beheer/medewerkers", "/beheer/medewerkers/redactie-hardenberg", "/beheer/tokens")) {
            open(b, admin);
            PageChecks.assertNoAxeViolations(b, admin);
        }
        // A partner feed with a run that quarantined two records, and the form with errors.
        java.time.Instant ran = java.time.Instant.now();
        var feeds = stack.stack().stores().feeds();
        feeds.save(new nl.ontwikkelplein.domain.PartnerFeed("taalhuis-axe", DemoData.ORGANISATION, "https://partner.example/a.csv", "csv", null,
                List.of(new nl.ontwikkelplein.domain.PartnerFeed.CategoryRule("Taal & Lezen", nl.ontwikkelplein.domain.ProgrammeLine.BASIC_SKILLS, "taal")), ran, ran));
        feeds.recordRun(nl.ontwikkelplein.domain.FeedRun.of("taalhuis-axe", ran, ran.plusSeconds(3), new nl.ontwikkelplein.domain.PartnerImport.Report(
                "taalhuis-axe", 2, 1, 10, 1, 0, 0, true, List.of(new nl.ontwikkelplein.domain.PartnerImport.Problem("T-9", 4, "De eindtijd ligt voor de begintijd."),
                new nl.ontwikkelplein.domain.PartnerImport.Problem("<b>T-10</b>", 7, "<script>alert(1)</script>")), false, 15, 14, 1)));
        open(b, "/beheer/importen");
        PageChecks.assertNoAxeViolations(b, "the list of partner feeds with the form to add one");
        submit(b, "Toevoegen");
        PageChecks.assertNoAxeViolations(b, "the feed form with errors");
        open(b, "/beheer/importen/taalhuis-axe");
        assertTrue(b.driver.findElement(org.openqa.selenium.By.tagName("main")).getText().contains("<script>alert(1)</script>"), "a feed's text is shown as text");
        PageChecks.assertNoAxeViolations(b, "a feed's page with its runs and quarantined records");
        submit(b, "Import verwijderen");
        assertTrue(b.driver.findElement(org.openqa.selenium.By.tagName("main")).getText().contains("Dit kunt u niet ongedaan maken."));
        PageChecks.assertNoAxeViolations(b, "the question before a feed is removed");

        open(b, "/beheer/niet-bestaand");
        PageChecks.assertNoAxeViolations(b, "a workspace message page");

        // A full date with people waiting and one who cancelled, and someone on the call list.
        java.time.LocalDateTime start = java.time.LocalDateTime.now().plusDays(6).withHour(10).withMinute(0).withSecond(0).withNano(0);
        Offer full = new nl.ontwikkelplein.domain.OfferService(stack.stack().stores().catalog(), java.time.Clock.systemUTC()).create(
                new nl.ontwikkelplein.domain.OfferInput(DemoData.ORGANISATION, "Spreekuur DigiD", null, null, "DROP_IN", "BASIC_SKILLS", List.of(),
                        List.of(), null, 0L, null, null, null, List.of(new nl.ontwikkelplein.domain.OfferInput.SessionInput(null, start.toString(),
                        start.plusHours(1).toString(), "hardenberg", 1, null))));
        String path = "/api/offers/" + full.id() + "/sessions/" + full.sessions().get(0).id() + "/enrolments";
        List<String> links = new java.util.ArrayList<>();
        for (String who : List.of("Ali", "Fatima", "Kees"))
            links.add(new com.fasterxml.jackson.databind.ObjectMapper().readTree(stack.post(path, "application/json",
                    "{\"name\":\"" + who + "\",\"phone\":\"06" + (20000000 + who.length() * 1111) + "\"}").body()).path("manageUrl").asText());
        stack.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(stack.url(links.get(0) + "/afmelden")))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(java.net.http.HttpRequest.BodyPublishers.ofString("")));
        stack.awaitStreams();
        open(b, "/beheer/aanbod/" + full.id() + "/data/" + full.sessions().get(0).id() + "/deelnemers");
        assertTrue(b.driver.findElement(org.openqa.selenium.By.tagName("main")).getText().contains("Wachtlijst"));
        PageChecks.assertNoAxeViolations(b, "a participant list with a waitlist and a cancellation");
        Offer intake = new nl.ontwikkelplein.domain.OfferService(stack.stack().stores().catalog(), java.time.Clock.systemUTC()).create(
                new nl.ontwikkelplein.domain.OfferInput(DemoData.ORGANISATION, "Digisterker intake", null, null, "COURSE", "BASIC_SKILLS", List.of(),
                        List.of(), null, 0L, null, null, null, List.of(new nl.ontwikkelplein.domain.OfferInput.SessionInput(null, start.toString(),
                        start.plusHours(2).toString(), "hardenberg", 5, null)), null, null, "WITH_SEAT"));
        stack.post("/api/offers/" + intake.id() + "/sessions/" + intake.sessions().get(0).id() + "/enrolments", "application/json",
                "{\"name\":\"Yusuf\",\"phone\":\"0612777000\"}");
        open(b, "/beheer/aanbod/" + intake.id() + "/data/" + intake.sessions().get(0).id() + "/deelnemers");
        assertTrue(b.driver.findElement(org.openqa.selenium.By.tagName("main")).getText().contains("Aanvragen"));
        PageChecks.assertNoAxeViolations(b, "a participant list with requests to accept or decline");
        open(b, "/beheer/bellijst");
        assertTrue(b.driver.findElement(org.openqa.selenium.By.tagName("main")).getText().contains("Fatima"), "promoted, only a phone number: to call");
        PageChecks.assertNoAxeViolations(b, "the call list");
    }

    private static Offer offer(String id) {
        return stack.stack().stores().catalog().offer(id).orElseThrow();
    }

    static int status(String path) {
        try {
            return stack.get(path).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    static String page(String path) {
        try {
            HttpResponse<String> r = stack.get(path);
            return r.statusCode() == 200 ? r.body() : "";
        } catch (Exception e) {
            return "";
        }
    }
}
