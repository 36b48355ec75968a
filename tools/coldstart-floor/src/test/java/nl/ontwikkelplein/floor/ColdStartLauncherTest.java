package nl.ontwikkelplein.floor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The event the benchmark describes in path=value form is the event the handler gets. */
class ColdStartLauncherTest {

    private static Object event(Type type, String... assignments) throws Exception {
        List<String[]> pairs = new ArrayList<>();
        for (String a : assignments) pairs.add(ColdStartLauncher.split(a));
        return ColdStartLauncher.event(type, pairs);
    }

    @Test
    void fillsAnHttpApiEvent() throws Exception {
        APIGatewayV2HTTPEvent e = (APIGatewayV2HTTPEvent) event(APIGatewayV2HTTPEvent.class,
                "routeKey=POST /api/offers/{offerId}/sessions/{sessionId}/enrolments",
                "pathParameters.offerId=taalcafe",
                "headers.content-type=application/json",
                "body={\"name\":\"A=B\"}",
                "isBase64Encoded=false",
                "requestContext.http.method=POST");
        assertEquals("POST /api/offers/{offerId}/sessions/{sessionId}/enrolments", e.getRouteKey());
        assertEquals(Map.of("offerId", "taalcafe"), e.getPathParameters());
        assertEquals("application/json", e.getHeaders().get("content-type"));
        assertEquals("{\"name\":\"A=B\"}", e.getBody(), "only the first = separates path and value");
        assertFalse(e.getIsBase64Encoded());
        assertEquals("POST", e.getRequestContext().getHttp().getMethod());
    }

    @Test
    void fillsAStreamEventThroughListsAndMapsOfBeans() throws Exception {
        DynamodbEvent e = (DynamodbEvent) event(DynamodbEvent.class,
                "records[0].eventName=MODIFY",
                "records[0].dynamodb.sequenceNumber=42",
                "records[0].dynamodb.keys.pk.s=OFFER#taalcafe",
                "records[0].dynamodb.keys.sk.s=OFFER");
        assertEquals(1, e.getRecords().size());
        DynamodbEvent.DynamodbStreamRecord r = e.getRecords().get(0);
        assertEquals("MODIFY", r.getEventName());
        assertEquals("42", r.getDynamodb().getSequenceNumber());
        assertEquals("OFFER#taalcafe", r.getDynamodb().getKeys().get("pk").getS());
        assertEquals("OFFER", r.getDynamodb().getKeys().get("sk").getS());
    }

    @Test
    void fillsAMapEventAndAScheduledEvent() throws Exception {
        Type mapOfObjects = FloorHandler.class.getMethod("handleRequest", Map.class,
                com.amazonaws.services.lambda.runtime.Context.class).getGenericParameterTypes()[0];
        assertEquals(Map.of("pk", "FLOOR", "sk", "X"), event(mapOfObjects, "pk=FLOOR", "sk=X"));
        ScheduledEvent s = (ScheduledEvent) event(ScheduledEvent.class, "source=aws.scheduler");
        assertEquals("aws.scheduler", s.getSource());
    }

    @Test
    void readsResults() {
        APIGatewayV2HTTPResponse response = APIGatewayV2HTTPResponse.builder().withStatusCode(404).build();
        assertEquals(404, ColdStartLauncher.read(response, "statusCode"));
        StreamsEventResponse batch = StreamsEventResponse.builder().withBatchItemFailures(List.of()).build();
        assertEquals(0, ColdStartLauncher.read(batch, "batchItemFailures.size"));
        assertEquals("found", ColdStartLauncher.read("found", ""));
    }
}
