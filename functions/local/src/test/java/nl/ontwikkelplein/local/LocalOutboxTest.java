package nl.ontwikkelplein.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import nl.ontwikkelplein.domain.Mail;
import nl.ontwikkelplein.domain.Mailer;
import nl.ontwikkelplein.messaging.SesMailer;
import nl.ontwikkelplein.messaging.SnsTexts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sns.SnsClient;

/** The local SES and SNS stand-in, reached by the real SDK clients and adapters. */
class LocalOutboxTest {
    static LocalOutbox outbox;

    @BeforeAll
    static void start() throws Exception {
        outbox = LocalOutbox.start();
    }

    @AfterAll
    static void stop() {
        outbox.close();
    }

    static SnsClient sns() {
        return SnsClient.builder().endpointOverride(URI.create(outbox.snsUrl())).region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @Test
    void textMessagesThroughTheSnsClientLandInTheOutboxAsSms() {
        new SnsTexts(sns(), "Bibliotheek").send("+31612345678", "Morgen is Klik & Tik, 14.00 uur. Tot morgen!");
        LocalOutbox.Message m = outbox.messages().get(0);
        assertEquals("sms", m.channel());
        assertEquals("+31612345678", m.to());
        assertEquals("Morgen is Klik & Tik, 14.00 uur. Tot morgen!", m.text());
        assertTrue(outbox.json().contains("\"channel\":\"sms\""));
    }

    @Test
    void aBadNumberIsRefusedAsSnsWouldAndNothingIsKept() {
        int before = outbox.messages().size();
        assertThrows(Mailer.MailException.class, () -> new SnsTexts(sns(), null).send("0612345678", "x"));
        assertEquals(before, outbox.messages().size());
    }

    @Test
    void emailThroughTheSesClientLandsAsEmail() {
        SesV2Client ses = SesV2Client.builder().endpointOverride(URI.create(outbox.sesUrl())).region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create()).build();
        new SesMailer(ses, "noreply@bibliotheek.test", null).send(new Mail("anna@example.org", "U bent aangemeld", "Tekst /aanmelding/abc", null));
        assertEquals("email", outbox.messages().get(0).channel());
        assertTrue(outbox.page().contains("<a href=\"/aanmelding/abc\">"), "the private link is clickable locally");
    }
}
