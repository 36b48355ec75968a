package nl.ontwikkelplein.messaging;

import java.util.Map;
import nl.ontwikkelplein.domain.Mail;
import nl.ontwikkelplein.domain.Mailer;
import nl.ontwikkelplein.store.dynamodb.AwsClients;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.Body;
import software.amazon.awssdk.services.sesv2.model.EmailContent;
import software.amazon.awssdk.services.sesv2.model.Message;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;

/**
 * Email through Amazon SES v2. Locally the same client reaches the local runtime's outbox: the
 * SDK takes the endpoint from the system property {@code aws.endpointUrlSesV2}, which the local
 * runtime sets, as it does for S3.
 */
public final class SesMailer implements Mailer {
    private final SesV2Client ses;
    private final String from;
    private final String configurationSet;

    /**
     * @param from             the sender, an identity verified in SES ({@code MAIL_FROM})
     * @param configurationSet optional SES configuration set (bounce and complaint events), or null
     */
    public SesMailer(SesV2Client ses, String from, String configurationSet) {
        this.ses = ses;
        this.from = from;
        this.configurationSet = configurationSet == null || configurationSet.isBlank() ? null : configurationSet;
    }

    /** MAIL_FROM and the optional MAIL_CONFIGURATION_SET from the function's environment. */
    public static SesMailer fromEnvironment(Map<String, String> env) {
        String from = env.get("MAIL_FROM");
        if (from == null || from.isBlank()) throw new IllegalStateException("Environment variable MAIL_FROM is not set");
        return new SesMailer(client(), from, env.get("MAIL_CONFIGURATION_SET"));
    }

    /** Built like every function's client: the small HTTP client, Lambda's region and credentials. */
    public static SesV2Client client() {
        return SesV2Client.builder()
                .httpClient(AwsClients.httpClient())
                .region(AwsClients.region())
                .credentialsProvider(AwsClients.credentials())
                .build();
    }

    @Override
    public void send(Mail mail) {
        Body.Builder body = Body.builder().text(t -> t.data(mail.text()).charset("UTF-8"));
        if (mail.html() != null) body.html(h -> h.data(mail.html()).charset("UTF-8"));
        SendEmailRequest.Builder request = SendEmailRequest.builder()
                .fromEmailAddress(from)
                .destination(d -> d.toAddresses(mail.to()))
                .content(EmailContent.builder().simple(Message.builder()
                        .subject(s -> s.data(mail.subject()).charset("UTF-8")).body(body.build()).build()).build());
        if (configurationSet != null) request.configurationSetName(configurationSet);
        try {
            ses.sendEmail(request.build());
        } catch (SdkException e) {
            // The SDK's message names no recipient; the address never goes to the logs.
            throw new MailException("SES did not accept the message: " + e.getClass().getSimpleName(), e);
        }
    }
}
