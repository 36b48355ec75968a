package nl.ontwikkelplein.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void escapesWhatCouldEndAScriptElementOrBreakJson() {
        assertEquals("\"\\u003c/script\\u003e\\u003c!-- \\u0026 \\u0027 \\\" \\\\ \\n \\u2028 \\u0001\"",
                Json.write("</script><!-- & ' \" \\ \n \u2028 \u0001"));
    }

    @Test
    void writesObjectsInOrderAndLeavesOutNulls() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("b", 1);
        m.put("a", List.of("x", true));
        m.put("gone", null);
        assertEquals("{\"b\":1,\"a\":[\"x\",true]}", Json.write(m));
    }
}
