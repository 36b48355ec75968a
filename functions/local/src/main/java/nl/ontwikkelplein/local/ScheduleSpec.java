package nl.ontwikkelplein.local;

/**
 * One ScheduleV2 event of a function.
 *
 * @param input the template's {@code Input} (JSON text sent as is), or null for Scheduler's
 *              default notification
 * @param enabled false when the template sets {@code State: DISABLED}
 */
public record ScheduleSpec(
        String functionId,
        String eventName,
        String expression,
        String timezone,
        String input,
        boolean enabled) {

    /** The schedule's name as SAM derives it: function logical id + event name. */
    public String scheduleName() {
        return functionId + eventName;
    }
}
