package nl.ontwikkelplein.tools.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ColdStartBenchTest {

    @Test
    void readsTheLaunchersLine() {
        ColdStartBench.Sample s = ColdStartBench.Sample.parse("COLDSTART handler=x.Y jvmStartMs=1000 mainUs=1010000"
                + " constructedUs=1400000 respondedUs=1600500 classes=4321 ok=true actual=404", 970_000);
        assertTrue(s.ok());
        assertEquals("404", s.actual());
        assertEquals(600.5, s.total(), 1e-9);
        assertEquals(630.5, s.spawnToResponse(), 1e-9);
        assertEquals(40, s.boot(), 1e-9);
        assertEquals(390, s.init(), 1e-9);
        assertEquals(200.5, s.invoke(), 1e-9);
        assertEquals(4321, s.classes());
    }

    @Test
    void aFailedRunIsNotOk() {
        ColdStartBench.Sample s = ColdStartBench.Sample.parse(
                "COLDSTART handler=x.Y mainUs=1 ok=false actual=java.lang.IllegalStateException:no_table", 0);
        assertFalse(s.ok());
        assertEquals("java.lang.IllegalStateException:no_table", s.actual());
    }

    @Test
    void mediansOfOddAndEvenCounts() {
        List<ColdStartBench.Sample> three = List.of(sample(5), sample(1), sample(3));
        assertEquals(3, Report.median(three, ColdStartBench.Sample::total));
        assertEquals(2, Report.median(List.of(sample(1), sample(3)), ColdStartBench.Sample::total));
    }

    @Test
    void options() {
        ColdStartBench.Options o = ColdStartBench.Options.parse(new String[]{"--runs", "11", "--cds", "--only", "public-api,importer",
                "--jvm-opt", "-Xlog:disable", "--memory", "0"});
        assertEquals(11, o.runs);
        assertTrue(o.cds);
        assertEquals(List.of("public-api", "importer"), o.only);
        assertEquals(List.of("-Xlog:disable"), o.jvmOpts);
        assertEquals(0, o.memoryMb);
        assertEquals(7, ColdStartBench.Options.parse(new String[0]).runs);
        assertThrows(IllegalArgumentException.class, () -> ColdStartBench.Options.parse(new String[]{"--runs", "0"}));
        assertThrows(IllegalArgumentException.class, () -> ColdStartBench.Options.parse(new String[]{"--fast"}));
    }

    @Test
    void memoryLikeAFunction() {
        assertEquals(List.of("-XX:MaxRAM=1024m", "-XX:+UseSerialGC"), ColdStartBench.memoryFlags(1024));
        assertEquals(List.of("-XX:MaxRAM=2048m"), ColdStartBench.memoryFlags(2048));
        assertEquals(List.of(), ColdStartBench.memoryFlags(0));
    }

    @Test
    void jarContentsGroupRoughlyByLibrary() {
        assertEquals("software/amazon/awssdk/services/dynamodb", Report.group("software/amazon/awssdk/services/dynamodb/model/GetItemRequest.class"));
        assertEquals("software/amazon/awssdk/core", Report.group("software/amazon/awssdk/core/SdkBytes.class"));
        assertEquals("com/fasterxml/jackson/databind", Report.group("com/fasterxml/jackson/databind/ser/std/X.class"));
        assertEquals("org/joda/time", Report.group("org/joda/time/format/DateTimeFormat.class"));
        assertEquals("com/amazonaws/services/lambda/runtime/events", Report.group("com/amazonaws/services/lambda/runtime/events/models/s3/X.class"));
        assertEquals("com/amazonaws/services/lambda/runtime", Report.group("com/amazonaws/services/lambda/runtime/Context.class"));
        assertEquals("META-INF", Report.group("META-INF/maven/x/y/pom.xml"));
        assertEquals("(root)", Report.group("mime.types"));
    }

    @Test
    void classLoadsByLibrary() {
        var counts = Report.classesByLibrary(List.of(
                "[0.010s][info][class,load] java.lang.Object source: shared objects file",
                "[0.020s][info][class,load] java.net.http.HttpClient source: jrt:/java.net.http",
                "[0.088s][info][class,load] software.amazon.awssdk.utils.AttributeMap$Builder$$Lambda$1/0x00007fcecd00c438 source: software.amazon.awssdk.utils.AttributeMap$Builder",
                "[0.090s][info][class,load] software.amazon.awssdk.core.SdkBytes source: file:/x/api-function.jar",
                "[0.091s][info][class,load] java.lang.invoke.LambdaForm$MH/0x0000000800c01000 source: __JVM_LookupDefineClass__",
                "not a class line"));
        assertEquals(java.util.Map.of("JDK java.lang", 1, "JDK java.net", 1, "(lambda classes, spun at run time)", 1,
                "software/amazon/awssdk/core", 1, "(other generated classes)", 1), counts);
    }

    private static ColdStartBench.Sample sample(double total) {
        return new ColdStartBench.Sample(true, "", total, total, 0, 0, 0, 0);
    }
}
