package nl.ontwikkelplein.web.model;

import java.util.List;

/**
 * The answer after the enrolment form was sent.
 *
 * @param tone     how the outcome feels to the visitor; it sets the look of the message box
 * @param messages plain-language paragraphs: what happened, then what to do next
 * @param links    the next steps as links, most useful first
 */
public record ResultPage(PageMeta meta, String heading, Tone tone, List<String> messages, List<Link> links) {
    public enum Tone { SUCCESS, INFO, WARNING }

    public String alertClass() {
        return switch (tone) {
            case SUCCESS -> "utrecht-alert utrecht-alert--ok";
            case INFO -> "utrecht-alert utrecht-alert--info";
            case WARNING -> "utrecht-alert utrecht-alert--warning";
        };
    }
}
