package nl.ontwikkelplein.tools.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** The benchmark's output: one table per pass, the jar sizes, the machine. */
final class Report {

    private Report() {
    }

    static void print(PrintStream out, Path root, String javaVersion, List<String> flags, ColdStartBench.Options options,
                      List<ColdStartBench.Pass> passes, String loadBefore) throws IOException {
        out.println();
        out.println("== Cold start: process start -> first response, fresh JVM per run, " + options.runs
                + " runs per case (after 1 warm-up), loopback DynamoDB and S3 stand-ins");
        out.println("java:    " + String.join(" | ", javaVersion.lines().toList()));
        out.println("flags:   " + String.join(" ", flags));
        out.println("machine: " + Runtime.getRuntime().availableProcessors() + " CPUs, " + cpuModel() + ", "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch")
                + "; load average (1/5/15 min) before " + loadBefore + ", after " + loadAverage());
        Map<String, Double> jarMiB = new LinkedHashMap<>();
        for (Path jar : ColdStartBench.functionJars(root)) jarMiB.put(jar.getFileName().toString(), Files.size(jar) / 1048576.0);

        for (ColdStartBench.Pass pass : passes) {
            out.println();
            out.println("-- " + pass.label + (pass.label.equals("plain") ? "" : " (each case with its own archive from one training run)"));
            out.println(String.format(Locale.ROOT, "%-13s %7s %7s %7s %8s %6s | %8s %6s %7s | %9s | %7s %7s",
                    "case", "median", "min", "max", "x floor", "(min)", "jvm boot", "init", "1st req", "from MXB", "classes", "jar MiB"));
            double floor = median(pass.samples.get("floor"), ColdStartBench.Sample::spawnToResponse);
            double floorMin = min(pass.samples.get("floor"), ColdStartBench.Sample::spawnToResponse);
            for (Map.Entry<String, List<ColdStartBench.Sample>> e : pass.samples.entrySet()) {
                List<ColdStartBench.Sample> s = e.getValue();
                double median = median(s, ColdStartBench.Sample::spawnToResponse);
                String jar = jarName(e.getKey());
                Double mib = jar == null ? null : jarMiB.get(jar);
                double min = min(s, ColdStartBench.Sample::spawnToResponse);
                out.println(String.format(Locale.ROOT, "%-13s %7.0f %7.0f %7.0f %8.2f %6.2f | %8.0f %6.0f %7.0f | %9.0f | %7.0f %7s",
                        e.getKey(), median, min, max(s, ColdStartBench.Sample::spawnToResponse), median / floor, min / floorMin,
                        median(s, ColdStartBench.Sample::boot), median(s, ColdStartBench.Sample::init),
                        median(s, ColdStartBench.Sample::invoke), median(s, ColdStartBench.Sample::total),
                        median(s, ColdStartBench.Sample::classes), mib == null ? "-" : String.format(Locale.ROOT, "%.1f", mib)));
            }
        }
        out.println();
        out.println("ms. median/min/max: process start (ProcessBuilder.start in this JVM) to the handler's response;");
        out.println("x floor: median / the floor's median in the same pass; (min): the same for the fastest runs, which");
        out.println("background load disturbs least. Medians of the phases:");
        out.println("jvm boot: process start to the launcher's main; init: handler class loading + constructor (Lambda's Init);");
        out.println("1st req: building the event + the first handleRequest; from MXB: from the JVM's own start time");
        out.println("(RuntimeMXBean, set some 30 ms after the process starts) to the response; classes: classes loaded.");
        out.println();
        out.println("-- function jars (functions/*/target/*-function.jar)");
        for (Path jar : ColdStartBench.functionJars(root)) {
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                long classes = zip.stream().filter(z -> z.getName().endsWith(".class")).count();
                out.println(String.format(Locale.ROOT, "%-58s %6.1f MiB %6d entries %6d classes",
                        root.relativize(jar), Files.size(jar) / 1048576.0, zip.size(), classes));
                if (options.packages) {
                    for (Map.Entry<String, long[]> p : packages(zip)) {
                        out.println(String.format(Locale.ROOT, "    %-52s %6.2f MiB %5d classes",
                                p.getKey(), p.getValue()[0] / 1048576.0, p.getValue()[1]));
                    }
                }
            }
        }
    }

    private static String jarName(String caseName) {
        return switch (caseName) {
            case "floor" -> "coldstart-floor-function.jar";
            case "public-api" -> "api-function.jar";
            case "site-builder" -> "site-builder-function.jar";
            case "importer" -> "importer-function.jar";
            default -> null;
        };
    }

    /** The ten largest package groups of a jar by compressed size: {bytes, classes}. */
    static List<Map.Entry<String, long[]>> packages(ZipFile zip) {
        Map<String, long[]> groups = new LinkedHashMap<>();
        for (ZipEntry e : Collections.list(zip.entries())) {
            if (e.isDirectory()) continue;
            long[] g = groups.computeIfAbsent(group(e.getName()), k -> new long[2]);
            g[0] += Math.max(0, e.getCompressedSize());
            if (e.getName().endsWith(".class")) g[1]++;
        }
        List<Map.Entry<String, long[]>> sorted = new ArrayList<>(groups.entrySet());
        sorted.sort((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]));
        return sorted.subList(0, Math.min(10, sorted.size()));
    }

    /**
     * Roughly one group per library: software/amazon/awssdk/services/dynamodb,
     * software/amazon/awssdk/core, com/fasterxml/jackson/databind, org/joda/time,
     * com/amazonaws/services/lambda/runtime/events, META-INF, ...
     */
    static String group(String name) {
        String[] parts = name.split("/");
        if (parts.length == 1) return "(root)";
        int depth;
        if (name.startsWith("META-INF/")) depth = 1;
        else if (name.startsWith("software/amazon/awssdk/services/")) depth = 5;
        else if (name.startsWith("software/amazon/awssdk/") || name.startsWith("com/fasterxml/jackson/")) depth = 4;
        else if (name.startsWith("com/amazonaws/services/lambda/runtime/events/")) depth = 6;
        else if (name.startsWith("com/amazonaws/services/lambda/runtime/")) depth = 5;
        else depth = 3;
        depth = Math.min(depth, parts.length - 1);
        return String.join("/", java.util.Arrays.copyOf(parts, depth));
    }

    /**
     * Counts -Xlog:class+load lines by where the class came from: a library of the function jar
     * (grouped as in {@link #group}), or the JDK (by package, two levels).
     */
    static Map<String, Integer> classesByLibrary(List<String> logLines) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String line : logLines) {
            int tag = line.indexOf("[class,load] ");
            int source = line.indexOf(" source: ");
            if (tag < 0 || source < 0) continue;
            String className = line.substring(tag + "[class,load] ".length(), source).strip();
            String from = line.substring(source + " source: ".length());
            String key;
            if (className.contains("$$Lambda")) {
                // Hidden classes spun at run time for lambdas; AppCDS archives them, plain CDS does not.
                key = "(lambda classes, spun at run time)";
            } else if (from.startsWith("file:") || from.contains(".jar")) {
                key = group(className.replace('.', '/') + ".class");
            } else if (!from.startsWith("jrt:") && !from.startsWith("shared objects file")) {
                key = "(other generated classes)";
            } else {
                String[] p = className.split("\\.");
                key = "JDK " + (p.length > 2 ? p[0] + "." + p[1] : p[0]);
            }
            counts.merge(key, 1, Integer::sum);
        }
        return counts;
    }

    static void printClasses(PrintStream out, Map<String, Map<String, Integer>> byCase) {
        out.println();
        out.println("-- classes loaded until the response, by library (one run with -Xlog:class+load; the floor's count in brackets)");
        Map<String, Integer> floor = byCase.getOrDefault("floor", Map.of());
        for (Map.Entry<String, Map<String, Integer>> e : byCase.entrySet()) {
            int total = e.getValue().values().stream().mapToInt(Integer::intValue).sum();
            out.println(e.getKey() + ": " + total + " classes");
            List<Map.Entry<String, Integer>> sorted = new ArrayList<>(e.getValue().entrySet());
            sorted.sort((a, b) -> Integer.compare(b.getValue(), a.getValue()));
            for (Map.Entry<String, Integer> g : sorted.subList(0, Math.min(14, sorted.size()))) {
                Integer f = floor.get(g.getKey());
                out.println(String.format(Locale.ROOT, "    %-52s %5d%s", g.getKey(), g.getValue(),
                        e.getKey().equals("floor") ? "" : "  (" + (f == null ? 0 : f) + ")"));
            }
        }
    }

    /** Other work on the machine shows in every figure; ratios suffer less than absolute times. */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Paths.get("/proc/loadavg")).strip().split(" ");
            return parts[0] + "/" + parts[1] + "/" + parts[2];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Paths.get("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) return line.substring(line.indexOf(':') + 1).strip();
            }
        } catch (IOException | RuntimeException ignored) {
            // not Linux
        }
        return "cpu unknown";
    }

    static double median(List<ColdStartBench.Sample> samples, ToDoubleFunction<ColdStartBench.Sample> f) {
        double[] v = samples.stream().mapToDouble(f).sorted().toArray();
        if (v.length == 0) return Double.NaN;
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static double min(List<ColdStartBench.Sample> samples, ToDoubleFunction<ColdStartBench.Sample> f) {
        return samples.stream().mapToDouble(f).min().orElse(Double.NaN);
    }

    private static double max(List<ColdStartBench.Sample> samples, ToDoubleFunction<ColdStartBench.Sample> f) {
        return samples.stream().mapToDouble(f).max().orElse(Double.NaN);
    }
}
