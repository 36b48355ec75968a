package nl.ontwikkelplein.local.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import nl.ontwikkelplein.domain.Catalog;
import nl.ontwikkelplein.domain.Offer;
import nl.ontwikkelplein.domain.OfferInput;
import nl.ontwikkelplein.domain.OfferService;
import nl.ontwikkelplein.domain.Session;
import nl.ontwikkelplein.local.LocalNames;
import nl.ontwikkelplein.local.TestStack;
import nl.ontwikkelplein.local.demo.DemoData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The public pages in a real browser (headless Debian Chromium) on the real local stack with the
 * demo data: axe-core finds no WCAG 2.2 A/AA violation, enrolment works with JavaScript off, the
 * pages fit a 360 px phone with large enough targets, and the first Tab shows the skip link.
 * Skipped without Chromium and ChromeDriver, unless ONTWIKKELPLEIN_REQUIRE_BROWSER=1 (CI): see
 * {@link Browser}. Screenshots at 360 px land in target/browser/.
 */
class PublicPagesBrowserTest {
    static final String FORM = "form.op-form";
    static final String NAME = "input[name=name]";
    static final String PHONE = "input[name=phone]";
    static final String SUBMIT = "button[type=submit]";
    /** What a visitor can touch in the enrolment form (the honeypot field is hidden and out of the tab order). */
    static final String FORM_TARGETS = FORM + " input:not([type=hidden]):not([tabindex='-1']), " + FORM + " button";
    static final AtomicInteger PHONES = new AtomicInteger();

    @TempDir
    static Path data;
    static TestStack stack;
    static Browser desktop;
    static Browser phone;
    /** A demo offer whose sessions take enrolments. */
    static String offerPage;
    /** An offer with one session of one seat and no waitlist, for the "full" answer. */
    static Offer oneSeat;
    /** An offer with one session of one seat and a waitlist. */
    static Offer withWaitlist;
    /** One seat, no waitlist, for the "full" page in a browser with JavaScript (axe-core). */
    static Offer fullCheck;
    /** An offer with an intake: enrolling is a request. */
    static Offer intake;

    @BeforeAll
    static void start() throws Exception {
        Browser.failIfMissingAndRequired();
        if (Browser.missing().isPresent()) return; // each test then reports itself skipped, with the reason
        stack = TestStack.start(data);
        Catalog catalog = stack.stack().stores().catalog();
        assertTrue(DemoData.loadIfEmpty(catalog, Clock.systemUTC()), "demo data loads into a fresh stack");
        Offer klikEnTik = catalog.offersOf(DemoData.ORGANISATION).stream()
                .filter(o -> o.title().equals("Klik & Tik: de basis")).findFirst().orElseThrow();
        offerPage = "/aanbod/" + klikEnTik.id() + "/";
        LocalDateTime start = LocalDateTime.now(Session.ZONE).plusDays(9).withHour(14).withMinute(0).withSecond(0).withNano(0);
        oneSeat = new OfferService(catalog, Clock.systemUTC()).create(new OfferInput(DemoData.ORGANISATION,
                "Proefles tablet", "Eén plaats, voor wie het eerst is.", "Een korte proefles.", "WORKSHOP", "BASIC_SKILLS",
                List.of("digitale vaardigheden"), List.of("volwassenen"), "IN_PERSON", 0L, null, null, null,
                List.of(new OfferInput.SessionInput(null, start.toString(), start.plusHours(1).toString(), "hardenberg", 1, null)), null, 0));
        withWaitlist = new OfferService(catalog, Clock.systemUTC()).create(new OfferInput(DemoData.ORGANISATION,
                "Spreekuur DigiD", "Hulp bij DigiD, één op één.", "Een half uur hulp.", "DROP_IN", "BASIC_SKILLS",
                List.of("digitale vaardigheden"), List.of("volwassenen"), "IN_PERSON", 0L, null, null, null,
                List.of(new OfferInput.SessionInput(null, start.plusDays(1).toString(), start.plusDays(1).plusHours(1).toString(), "hardenberg", 1, null))));
        fullCheck = new OfferService(catalog, Clock.systemUTC()).create(new OfferInput(DemoData.ORGANISATION,
                "Proefles laptop", "Eén plaats.", "Een korte proefles.", "WORKSHOP", "BASIC_SKILLS",
                List.of("digitale vaardigheden"), List.of("volwassenen"), "IN_PERSON", 0L, null, null, null,
                List.of(new OfferInput.SessionInput(null, start.plusDays(2).toString(), start.plusDays(2).plusHours(1).toString(), "hardenberg", 1, null)), null, 0));
        intake = new OfferService(catalog, Clock.systemUTC()).create(new OfferInput(DemoData.ORGANISATION,
                "Digisterker met kennismaking", "Eerst een gesprek.", "Een cursus met eerst een kennismakingsgesprek.", "COURSE", "BASIC_SKILLS",
                List.of("digitale vaardigheden"), List.of("volwassenen"), "IN_PERSON", 0L, null, null, null,
                List.of(new OfferInput.SessionInput(null, start.plusDays(3).toString(), start.plusDays(3).plusHours(2).toString(), "hardenberg", 8, null)),
                null, null, "WITH_SEAT"));
        stack.stack().scheduler().runNow("SiteRebuildFunction");
        for (String path : List.of("/", offerPage, "/aanbod/" + oneSeat.id() + "/", "/aanbod/" + withWaitlist.id() + "/", "/aanbod/" + fullCheck.id() + "/",
                "/aanbod/" + intake.id() + "/", "/404.html")) {
            assertTrue(TestStack.await(Duration.ofSeconds(20), () -> status(path) == 200), "page " + path + " was not published");
        }
        desktop = Browser.start(1280, 900, true);
        phone = Browser.start(360, 800, true);
    }

    @BeforeEach
    void browserInstalled() {
        Browser.requireInstalled();
    }

    @AfterAll
    static void stop() {
        if (desktop != null) desktop.close();
        if (phone != null) phone.close();
        if (stack != null) stack.close();
    }

    // ------------------------------------------------------------------ axe-core, WCAG 2.2 A/AA

    @Test
    void homePageHasNoWcagViolations() {
        open(desktop, "/");
        PageChecks.assertNoAxeViolations(desktop, "the home page");
    }

    @Test
    void offerPageWithEnrolmentFormHasNoWcagViolations() {
        open(desktop, offerPage);
        assertTrue(desktop.driver.findElements(By.cssSelector(FORM)).size() > 0, "the offer page has enrolment forms");
        PageChecks.assertNoAxeViolations(desktop, "the offer page");
    }

    @Test
    void enrolmentResultPageHasNoWcagViolations() {
        enrolInBrowser(desktop, "Els de Vries", nextPhone());
        PageChecks.assertNoAxeViolations(desktop, "the enrolment result page");
    }

    @Test
    void formWithErrorsHasNoWcagViolations() {
        submitEmptyForm(desktop);
        PageChecks.assertNoAxeViolations(desktop, "the form with errors");
    }

    @Test
    void notFoundPagesHaveNoWcagViolations() {
        open(desktop, "/404.html"); // what the site publishes for missing pages
        assertEquals("Deze pagina bestaat niet", heading(desktop));
        PageChecks.assertNoAxeViolations(desktop, "the published 404 page");
        open(desktop, "/aanbod/bestaat-niet/"); // a missing page: CloudFront's failover to the API
        assertEquals("Deze pagina bestaat niet", heading(desktop));
        PageChecks.assertNoAxeViolations(desktop, "the 404 answer for a missing page");
    }

    // ------------------------------------------------------------------ Content-Security-Policy

    @Test
    void pagesRunUnderTheSitesContentSecurityPolicyAndNothingIsBlocked() {
        // A control page that breaks the policy (inline style and script) shows that blocking is noticed.
        stack.stack().s3().putObject(b -> b.bucket(stack.stack().template().siteBucketName()).key("csp-proef/index.html")
                .contentType("text/html; charset=utf-8"), software.amazon.awssdk.core.sync.RequestBody.fromString(
                "<!doctype html><html lang=\"nl\"><title>proef</title><p style=\"color:red\">x</p><script>document.title='uitgevoerd'</script>"));
        desktop.consoleMessages(); // drop earlier messages
        open(desktop, "/csp-proef/");
        assertEquals("proef", desktop.driver.getTitle(), "the inline script ran: no policy on the page");
        assertTrue(desktop.consoleMessages().stream().anyMatch(m -> m.contains("Content Security Policy")), "blocking was not reported");

        for (String path : List.of("/", offerPage, "/404.html", "/aanbod/bestaat-niet/")) {
            open(desktop, path);
            assertEquals(List.of(), cspReports(desktop), path);
            // Without the site's stylesheet the header would have no background.
            assertNotEquals("rgba(0, 0, 0, 0)", desktop.script("return getComputedStyle(document.querySelector('header')).backgroundColor"),
                    path + ": the site's stylesheet did not apply");
        }
        enrolInBrowser(desktop, "Els de Vries", nextPhone()); // the API's own answer page
        assertEquals("U bent aangemeld", heading(desktop));
        assertEquals(List.of(), cspReports(desktop), "the enrolment result page");
    }

    private static List<String> cspReports(Browser browser) {
        return browser.consoleMessages().stream().filter(m -> m.contains("Content Security Policy")).toList();
    }

    // ------------------------------------------------------------------ without JavaScript

    @Test
    void enrolmentWorksWithoutJavaScriptAndSaysWhenASessionIsFull() throws Exception {
        try (Browser noScript = Browser.start(1024, 800, false)) {
            noScript.driver.get("data:text/html,<title>zonder</title><script>document.title='met'</script>");
            assertEquals("zonder", noScript.driver.getTitle(), "JavaScript must be off in this browser");

            enrolInBrowser(noScript, "Kees Jansen", nextPhone());
            assertTrue(noScript.driver.findElement(By.tagName("main")).getText().contains("U bent aangemeld voor Klik & Tik: de basis"));

            // The page still offers the last seat; someone else takes it before this visitor sends the form.
            open(noScript, "/aanbod/" + oneSeat.id() + "/");
            HttpResponse<String> other = stack.post("/api/offers/" + oneSeat.id() + "/sessions/" + oneSeat.sessions().get(0).id() + "/enrolments",
                    "application/json", "{\"name\":\"Ali\",\"phone\":\"" + nextPhone() + "\"}");
            assertEquals(201, other.statusCode(), other.body());
            fillAndSubmit(noScript, noScript.driver.findElement(By.cssSelector(FORM)), "Fatima El Amrani", nextPhone());
            assertEquals("Deze bijeenkomst is vol", heading(noScript));
            assertTrue(noScript.driver.findElement(By.tagName("main")).getText().contains("is vol. U bent niet aangemeld."));
        }
    }

    @Test
    void theWaitlistAndThePrivatePageWorkWithoutJavaScriptAndAreAxeClean() throws Exception {
        String path = "/api/offers/" + withWaitlist.id() + "/sessions/" + withWaitlist.sessions().get(0).id() + "/enrolments";
        HttpResponse<String> first = stack.post(path, "application/json", "{\"name\":\"Ali\",\"phone\":\"" + nextPhone() + "\"}");
        assertEquals(201, first.statusCode(), first.body());
        stack.stack().scheduler().runNow("SiteRebuildFunction");
        try (Browser noScript = Browser.start(1024, 800, false)) {
            waitlistFlow(noScript, 1, false); // works without JavaScript
        }
        waitlistFlow(desktop, 1, true); // axe-core needs JavaScript: the same pages again, checked (the first left the queue)
        // The seat holder's own page, with the calendar link, on a phone.
        String link = new com.fasterxml.jackson.databind.ObjectMapper().readTree(first.body()).path("manageUrl").asText();
        open(phone, link);
        assertTrue(phone.driver.findElement(By.tagName("main")).getText().contains("U hebt een plaats"));
        PageChecks.assertNoAxeViolations(phone, "the private page of an enrolled person");
        PageChecks.assertNoHorizontalScroll(phone, "the private page on a phone");
    }

    @Test
    void theFullAndTheRequestAnswersWorkWithoutJavaScriptAndAreAxeClean() throws Exception {
        try (Browser noScript = Browser.start(1024, 800, false)) {
            open(noScript, "/aanbod/" + intake.id() + "/");
            fillAndSubmit(noScript, noScript.driver.findElement(By.cssSelector(FORM)), "Yusuf Demir", nextPhone());
            assertEquals("Uw aanvraag is ontvangen", heading(noScript));
        }
        open(desktop, "/aanbod/" + intake.id() + "/");
        fillAndSubmit(desktop, desktop.driver.findElement(By.cssSelector(FORM)), "Els Visser", nextPhone());
        assertEquals("Uw aanvraag is ontvangen", heading(desktop));
        PageChecks.assertNoAxeViolations(desktop, "the request answer");
        desktop.clickAndWait(desktop.driver.findElement(By.linkText("Uw aanmelding bekijken of afmelden")));
        assertTrue(desktop.driver.findElement(By.tagName("main")).getText().contains("kennismakingsgesprek"));
        PageChecks.assertNoAxeViolations(desktop, "the private page of a request");

        // The page still offers the last seat; someone else takes it first.
        open(desktop, "/aanbod/" + fullCheck.id() + "/");
        HttpResponse<String> other = stack.post("/api/offers/" + fullCheck.id() + "/sessions/" + fullCheck.sessions().get(0).id() + "/enrolments",
                "application/json", "{\"name\":\"Ali\",\"phone\":\"" + nextPhone() + "\"}");
        assertEquals(201, other.statusCode(), other.body());
        fillAndSubmit(desktop, desktop.driver.findElement(By.cssSelector(FORM)), "Fatima El Amrani", nextPhone());
        assertEquals("Deze bijeenkomst is vol", heading(desktop));
        PageChecks.assertNoAxeViolations(desktop, "the full answer");
    }

    /** Joins the waitlist through the form, opens the private page, cancels, then deletes the data. */
    private void waitlistFlow(Browser b, int place, boolean axe) throws InterruptedException {
        assertTrue(TestStack.await(Duration.ofSeconds(20), () -> {
            open(b, "/aanbod/" + withWaitlist.id() + "/");
            return b.driver.findElement(By.tagName("main")).getText().contains("u kunt op de wachtlijst");
        }), "the full date offers its waitlist");
        if (axe) PageChecks.assertNoAxeViolations(b, "the offer page of a full date with a waitlist");
        fillAndSubmit(b, b.driver.findElement(By.cssSelector(FORM)), "Fatima El Amrani", nextPhone());
        assertEquals("U staat op de wachtlijst", heading(b));
        assertTrue(b.driver.findElement(By.tagName("main")).getText().contains("U staat op plek " + place + " van de wachtlijst."));
        if (axe) PageChecks.assertNoAxeViolations(b, "the waitlist answer");

        b.clickAndWait(b.driver.findElement(By.linkText("Uw aanmelding bekijken of afmelden")));
        assertTrue(heading(b).startsWith("Uw aanmelding voor Spreekuur DigiD"), heading(b));
        String page = b.driver.getCurrentUrl();
        assertTrue(b.driver.findElement(By.tagName("main")).getText().contains("U staat op plek " + place + " van de wachtlijst."));
        if (axe) {
            PageChecks.assertNoAxeViolations(b, "the private page of a waiting person");
            PageChecks.assertNoHorizontalScroll(b, "the private page");
        }

        b.clickAndWait(b.driver.findElement(By.linkText("Afmelden")));
        assertEquals("Wilt u zich afmelden?", heading(b));
        if (axe) PageChecks.assertNoAxeViolations(b, "the cancel confirmation");
        b.clickAndWait(b.driver.findElement(By.cssSelector("main form button[type=submit]")));
        assertEquals("U bent afgemeld", heading(b));
        if (axe) PageChecks.assertNoAxeViolations(b, "the cancelled answer");

        b.clickAndWait(b.driver.findElement(By.linkText("Terug naar uw aanmelding")));
        assertTrue(b.driver.findElement(By.tagName("main")).getText().contains("U bent afgemeld"));
        b.clickAndWait(b.driver.findElement(By.linkText("Verwijder uw gegevens")));
        assertEquals("Wilt u uw gegevens verwijderen?", heading(b));
        if (axe) PageChecks.assertNoAxeViolations(b, "the erase confirmation");
        b.clickAndWait(b.driver.findElement(By.cssSelector("main form button[type=submit]")));
        assertEquals("Uw gegevens zijn verwijderd", heading(b));
        if (axe) PageChecks.assertNoAxeViolations(b, "the erased answer");
        b.driver.get(page);
        assertEquals("Deze link werkt niet", heading(b));
        if (axe) PageChecks.assertNoAxeViolations(b, "a link that no longer works");
    }

    // ------------------------------------------------------------------ a 360 px phone

    @Test
    void homePageFitsA360pxScreen() {
        open(phone, "/");
        assertEquals(360, phone.number("return window.innerWidth"), "the phone viewport");
        PageChecks.assertNoHorizontalScroll(phone, "the home page");
    }

    @Test
    void enrolmentFormFitsA360pxScreenWithLargeEnoughTargets() {
        open(phone, offerPage);
        PageChecks.assertNoHorizontalScroll(phone, "the offer page");
        PageChecks.assertTargetsAtLeast(phone, FORM_TARGETS, 24, "the offer page");
    }

    @Test
    void resultAndErrorPagesFitA360pxScreen() {
        enrolInBrowser(phone, "Anna Bakker", nextPhone());
        PageChecks.assertNoHorizontalScroll(phone, "the enrolment result page");
        System.out.println("[screenshot] " + phone.screenshot("enrolment-result-360"));
        submitEmptyForm(phone);
        PageChecks.assertNoHorizontalScroll(phone, "the form with errors");
        PageChecks.assertTargetsAtLeast(phone, FORM_TARGETS, 24, "the form with errors");
        System.out.println("[screenshot] " + phone.screenshot("form-with-errors-360"));
    }

    // ------------------------------------------------------------------ keyboard

    @Test
    void firstTabFocusesTheVisibleSkipLink() {
        open(desktop, offerPage);
        PageChecks.assertFirstTabShowsSkipLink(desktop, "the offer page");
        new Actions(desktop.driver).sendKeys(Keys.ENTER).perform();
        assertEquals("inhoud", desktop.driver.switchTo().activeElement().getAttribute("id"), "Enter on the skip link moves focus to main");
        open(phone, offerPage);
        PageChecks.assertFirstTabShowsSkipLink(phone, "the offer page at 360 px");
    }

    // ------------------------------------------------------------------ the checks themselves

    /** Each check fails on a page broken on purpose (in the browser only), so a green run means something. */
    @Test
    void theChecksCatchBrokenPages() {
        open(desktop, offerPage);
        desktop.script("document.querySelector('" + FORM + " label').remove()");
        AssertionError axe = assertThrows(AssertionError.class, () -> PageChecks.assertNoAxeViolations(desktop, "a form without a label"));
        assertTrue(axe.getMessage().contains("label"), axe.getMessage());

        open(phone, "/");
        phone.script("const d = document.createElement('div'); d.style.width = '500px'; d.style.height = '1px'; document.querySelector('main').append(d)");
        assertThrows(AssertionError.class, () -> PageChecks.assertNoHorizontalScroll(phone, "a page with a wide element"));

        open(phone, offerPage);
        phone.script("document.querySelector('" + FORM + " button').style.cssText = 'min-block-size:0; min-inline-size:0; padding:0; font-size:10px'");
        assertThrows(AssertionError.class, () -> PageChecks.assertTargetsAtLeast(phone, FORM_TARGETS, 24, "a page with a tiny button"));

        open(desktop, offerPage);
        desktop.script("document.querySelector('.utrecht-skip-link').classList.replace('utrecht-skip-link--visible-on-focus', 'utrecht-skip-link--hidden')");
        assertThrows(AssertionError.class, () -> PageChecks.assertFirstTabShowsSkipLink(desktop, "a page whose skip link stays hidden"));
        open(desktop, offerPage);
        desktop.script("document.querySelector('.utrecht-skip-link').remove()");
        assertThrows(AssertionError.class, () -> PageChecks.assertFirstTabShowsSkipLink(desktop, "a page without a skip link"));
    }

    // ------------------------------------------------------------------ helpers

    static int status(String path) {
        try {
            return stack.get(path).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    static void open(Browser browser, String path) {
        browser.driver.get(stack.url(path));
    }

    static String heading(Browser browser) {
        return browser.driver.findElement(By.tagName("h1")).getText().strip();
    }

    static String nextPhone() {
        return String.format("06%08d", 10_000_000 + PHONES.incrementAndGet());
    }

    /** Opens the demo offer, fills the first session's form and sends it; ends on "U bent aangemeld". */
    static void enrolInBrowser(Browser browser, String name, String phoneNumber) {
        open(browser, offerPage);
        fillAndSubmit(browser, browser.driver.findElement(By.cssSelector(FORM)), name, phoneNumber);
        assertEquals("U bent aangemeld", heading(browser), () -> browser.driver.findElement(By.tagName("main")).getText());
    }

    /** Opens the demo offer and sends the first session's form empty; ends on the form with errors. */
    static void submitEmptyForm(Browser browser) {
        open(browser, offerPage);
        fillAndSubmit(browser, browser.driver.findElement(By.cssSelector(FORM)), "", "");
        assertTrue(heading(browser).startsWith("Aanmelden voor"), () -> "expected the form again: " + heading(browser));
        assertTrue(browser.driver.findElement(By.cssSelector(".op-error-summary")).getText().contains("Vul uw naam in."));
    }

    static void fillAndSubmit(Browser browser, WebElement form, String name, String phoneNumber) {
        if (!name.isEmpty()) form.findElement(By.cssSelector(NAME)).sendKeys(name);
        if (!phoneNumber.isEmpty()) form.findElement(By.cssSelector(PHONE)).sendKeys(phoneNumber);
        WebElement submit = form.findElement(By.cssSelector(SUBMIT));
        assertTrue(submit.getText().startsWith("Aanmelden") || submit.getText().startsWith("Op de wachtlijst"), submit.getText());
        browser.clickAndWait(submit);
        assertTrue(browser.driver.getCurrentUrl().contains("/enrolments"), browser.driver.getCurrentUrl());
    }
}
