package nl.ontwikkelplein.local;

import java.util.List;
import java.util.Map;

/**
 * A function of the template as the local runtime needs it.
 *
 * @param handlerClass  the part of {@code Handler} before {@code ::}
 * @param handlerMethod the part after {@code ::} (Lambda's default {@code handleRequest} if absent)
 * @param environment   Globals plus the function's own variables, intrinsics resolved locally,
 *                      plus the variables the Lambda service itself sets (AWS_REGION, ...)
 * @param asyncRetryAttempts how often Lambda retries a failed asynchronous (scheduled) invocation:
 *                      EventInvokeConfig.MaximumRetryAttempts, default 2
 * @param asyncOnFailure logical id of EventInvokeConfig's on-failure destination, or null
 * @param reservedConcurrency ReservedConcurrentExecutions: at most this many invocations at once
 *                      (locally the others wait, as Lambda's queue holds throttled asynchronous
 *                      events); -1 when the template sets none
 */
public record FunctionSpec(
        String logicalId,
        String handlerClass,
        String handlerMethod,
        Map<String, String> environment,
        int timeoutSeconds,
        int memorySize,
        int asyncRetryAttempts,
        String asyncOnFailure,
        List<HttpRoute> routes,
        List<StreamSource> streams,
        List<ScheduleSpec> schedules,
        int reservedConcurrency) {
}
