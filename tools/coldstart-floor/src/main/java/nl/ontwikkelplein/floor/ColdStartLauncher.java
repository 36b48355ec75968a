package nl.ontwikkelplein.floor;

import java.lang.management.ManagementFactory;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Proxy;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts one Lambda handler in this (fresh) JVM, sends it one event and prints how long that
 * took, for the cold-start benchmark ({@code nl.ontwikkelplein.tools.bench.ColdStartBench},
 * docs/benchmarks.md). It uses only the JDK and reflection, so it costs every function jar the
 * same; the benchmark copies these classes into a jar of their own and puts that jar first on
 * the child's class path.
 *
 * <pre>
 * ColdStartLauncher &lt;handler class | -&gt; [--expect=&lt;path&gt;=&lt;value&gt;] [&lt;path&gt;=&lt;value&gt; ...]
 * </pre>
 *
 * <ul>
 *   <li>The handler is built like the Lambda runtime does: its public no-arg constructor, with
 *   the configuration in the process environment. {@code -} runs no handler at all (the cost of
 *   an empty JVM plus this launcher).</li>
 *   <li>The event is an instance of the handler's event type, filled from the
 *   {@code path=value} arguments: bean properties through their setters, map keys, list
 *   indexes, e.g. {@code requestContext.http.method=POST}, {@code headers.content-type=text/html},
 *   {@code records[0].dynamodb.keys.pk.s=OFFER#x}.</li>
 *   <li>{@code --expect=statusCode=404} reads the result the same way (getters, map keys,
 *   {@code size}); an empty path ({@code --expect==found}) compares the result itself. A
 *   mismatch exits with status 2.</li>
 * </ul>
 *
 * <p>It prints one line to standard output, after the response, so the measuring itself costs
 * nothing inside the measured time:
 * <pre>
 * COLDSTART handler=... jvmStartMs=... mainUs=... constructedUs=... respondedUs=... classes=... ok=true actual=...
 * </pre>
 * {@code jvmStartMs} is the JVM's own start time (epoch ms, from the runtime MXBean, read after
 * the response); the other times are epoch microseconds; {@code classes} is the number of
 * classes loaded (read after the response, so it includes a few hundred of java.management).
 */
public final class ColdStartLauncher {

    private static final String CONTEXT = "com.amazonaws.services.lambda.runtime.Context";

    private ColdStartLauncher() {
    }

    public static void main(String[] args) throws Exception {
        long mainUs = nowMicros();
        if (args.length == 0) {
            System.err.println("usage: ColdStartLauncher <handler class | -> [--expect=<path>=<value>] [<path>=<value> ...]");
            System.exit(64);
        }
        String handlerName = args[0];
        String expect = null;
        List<String[]> assignments = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i].startsWith("--expect=")) {
                expect = args[i].substring("--expect=".length());
            } else {
                assignments.add(split(args[i]));
            }
        }

        long constructedUs;
        long respondedUs;
        Object result;
        try {
            if (handlerName.equals("-")) {
                constructedUs = nowMicros();
                result = "";
                respondedUs = nowMicros();
            } else {
                ClassLoader loader = ColdStartLauncher.class.getClassLoader();
                Class<?> handlerClass = Class.forName(handlerName, true, loader);
                Constructor<?> constructor = handlerClass.getConstructor();
                Object handler = constructor.newInstance();
                constructedUs = nowMicros();

                Class<?> contextType = Class.forName(CONTEXT, false, loader);
                Method handle = handleRequest(handlerClass, contextType);
                Object event = event(handle.getGenericParameterTypes()[0], assignments);
                result = handle.invoke(handler, event, context(contextType, handlerClass.getSimpleName()));
                respondedUs = nowMicros();
            }
        } catch (InvocationTargetException e) {
            fail(handlerName, mainUs, e.getCause());
            return;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            fail(handlerName, mainUs, e);
            return;
        }

        String actual;
        boolean ok;
        if (expect == null) {
            actual = String.valueOf(result);
            ok = true;
        } else {
            String[] pathAndValue = split(expect);
            actual = String.valueOf(read(result, pathAndValue[0]));
            ok = actual.equals(pathAndValue[1]);
        }
        long jvmStartMs = ManagementFactory.getRuntimeMXBean().getStartTime();
        // Loaded by the response; the management classes read here come after it.
        long classes = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
        System.out.println("COLDSTART handler=" + handlerName + " jvmStartMs=" + jvmStartMs + " mainUs=" + mainUs
                + " constructedUs=" + constructedUs + " respondedUs=" + respondedUs + " classes=" + classes
                + " ok=" + ok + " actual=" + oneWord(actual));
        System.out.flush();
        // Handlers may leave non-daemon threads (HTTP clients, pools): do not wait for them.
        System.exit(ok ? 0 : 2);
    }

    private static void fail(String handlerName, long mainUs, Throwable error) {
        System.out.println("COLDSTART handler=" + handlerName + " mainUs=" + mainUs + " ok=false actual="
                + oneWord(error.getClass().getName() + ":" + error.getMessage()));
        System.out.flush();
        error.printStackTrace();
        System.exit(3);
    }

    private static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }

    static String[] split(String assignment) {
        int eq = assignment.indexOf('=');
        if (eq < 0) throw new IllegalArgumentException("expected path=value: " + assignment);
        return new String[]{assignment.substring(0, eq), assignment.substring(eq + 1)};
    }

    private static String oneWord(String text) {
        String s = text.replaceAll("\\s+", "_");
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }

    /** The handler's own handleRequest(Event, Context), not the erased bridge method. */
    private static Method handleRequest(Class<?> handlerClass, Class<?> contextType) throws NoSuchMethodException {
        Method found = null;
        for (Method m : handlerClass.getMethods()) {
            if (m.getName().equals("handleRequest") && m.getParameterCount() == 2
                    && m.getParameterTypes()[1] == contextType && !m.isBridge()) {
                found = m;
            }
        }
        if (found == null) throw new NoSuchMethodException(handlerClass.getName() + ".handleRequest(event, Context)");
        return found;
    }

    /** A Context as the runtime hands it in: a logger that writes to standard error, fixed ids. */
    private static Object context(Class<?> contextType, String functionName) throws ClassNotFoundException {
        ClassLoader loader = contextType.getClassLoader();
        Class<?> loggerType = Class.forName("com.amazonaws.services.lambda.runtime.LambdaLogger", false, loader);
        Object logger = Proxy.newProxyInstance(loader, new Class<?>[]{loggerType}, new FakeRuntime(functionName, null));
        return Proxy.newProxyInstance(loader, new Class<?>[]{contextType}, new FakeRuntime(functionName, logger));
    }

    /**
     * Answers for the Context and LambdaLogger proxies. A class, not lambdas: the launcher avoids
     * invokedynamic (lambdas, string concatenation) inside the measured time, so that its own
     * bootstrap cost stays near zero and the handler pays for what it uses.
     */
    private static final class FakeRuntime implements InvocationHandler {
        private final String functionName;
        private final Object logger;

        FakeRuntime(String functionName, Object logger) {
            this.functionName = functionName;
            this.logger = logger;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) {
            switch (method.getName()) {
                case "log":
                    if (args != null && args.length > 0) {
                        Object message = args[0];
                        System.err.print(message instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : message);
                    }
                    return null;
                case "getLogger":
                    return logger;
                case "getAwsRequestId":
                    return "coldstart-bench-request";
                case "getFunctionName":
                case "getLogStreamName":
                case "getLogGroupName":
                    return functionName;
                case "getFunctionVersion":
                    return "$LATEST";
                case "getInvokedFunctionArn":
                    return "arn:aws:lambda:eu-west-1:000000000000:function:".concat(functionName);
                case "getRemainingTimeInMillis":
                    return 20_000;
                case "getMemoryLimitInMB":
                    return 1024;
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "equals":
                    return proxy == args[0];
                case "toString":
                    return "ColdStartContext";
                default:
                    return defaultValue(method.getReturnType());
            }
        }
    }

    private static Object defaultValue(Class<?> type) {
        if (!type.isPrimitive() || type == void.class) return null;
        if (type == boolean.class) return false;
        if (type == long.class) return 0L;
        if (type == double.class) return 0.0;
        if (type == float.class) return 0f;
        if (type == char.class) return '\0';
        if (type == byte.class) return (byte) 0;
        if (type == short.class) return (short) 0;
        return 0;
    }

    // ------------------------------------------------------------------ filling the event

    /** A new instance of {@code type}, filled from {path, value} pairs (see the class comment). */
    static Object event(Type type, List<String[]> assignments) throws ReflectiveOperationException {
        Object event = newInstance(type);
        for (String[] assignment : assignments) {
            assign(event, type, assignment[0], assignment[1]);
        }
        return event;
    }

    private static void assign(Object root, Type rootType, String path, String value) throws ReflectiveOperationException {
        String[] segments = path.split("\\.");
        Object node = root;
        Type nodeType = rootType;
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            int bracket = segment.indexOf('[');
            String name = bracket < 0 ? segment : segment.substring(0, bracket);
            int index = bracket < 0 ? -1 : Integer.parseInt(segment.substring(bracket + 1, segment.length() - 1));
            boolean last = i == segments.length - 1 && index < 0;
            Object[] child = child(node, nodeType, name, last ? value : null, last);
            if (last) return;
            node = child[0];
            nodeType = (Type) child[1];
            if (index >= 0) {
                @SuppressWarnings("unchecked")
                List<Object> list = (List<Object>) node;
                Type elementType = typeArgument(nodeType, 0);
                while (list.size() <= index) list.add(newInstance(elementType));
                node = list.get(index);
                nodeType = elementType;
                if (i == segments.length - 1) {
                    throw new IllegalArgumentException("a path must not end in a list index: " + path);
                }
            }
        }
    }

    /**
     * The property {@code name} of {@code node}, created when absent; with {@code leaf}, sets it to
     * {@code value} instead. Returns {value, type}.
     */
    private static Object[] child(Object node, Type nodeType, String name, String value, boolean leaf)
            throws ReflectiveOperationException {
        if (node instanceof Map<?, ?> raw) {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) raw;
            Type valueType = typeArgument(nodeType, 1);
            if (leaf) {
                map.put(name, convert(value, rawClass(valueType)));
                return new Object[]{null, null};
            }
            Object existing = map.get(name);
            if (existing == null) {
                existing = newInstance(valueType);
                map.put(name, existing);
            }
            return new Object[]{existing, valueType};
        }
        Class<?> type = node.getClass();
        String property = capitalise(name);
        if (leaf) {
            Method setter = setter(type, property, true);
            setter.invoke(node, convert(value, setter.getParameterTypes()[0]));
            return new Object[]{null, null};
        }
        Method getter = getter(type, property);
        Object existing = getter.invoke(node);
        Type childType = getter.getGenericReturnType();
        if (existing == null) {
            Method setter = setter(type, property, false);
            childType = setter.getGenericParameterTypes()[0];
            existing = newInstance(childType);
            setter.invoke(node, existing);
        }
        return new Object[]{existing, childType};
    }

    private static String capitalise(String name) {
        return name.substring(0, 1).toUpperCase(java.util.Locale.ROOT).concat(name.substring(1));
    }

    private static Method setter(Class<?> type, String property, boolean leaf) throws NoSuchMethodException {
        String setName = "set".concat(property);
        Method best = null;
        for (Method m : type.getMethods()) {
            if (!m.getName().equals(setName) || m.getParameterCount() != 1 || Modifier.isStatic(m.getModifiers())) {
                continue;
            }
            Class<?> p = m.getParameterTypes()[0];
            // Overloads such as setEventName(String) / setEventName(OperationType): prefer text for a
            // leaf value, anything else (a bean, map or list) for a node on the way.
            if (best == null || (leaf && p == String.class) || (!leaf && best.getParameterTypes()[0] == String.class)) {
                best = m;
            }
        }
        if (best == null) throw new NoSuchMethodException(type.getName() + ".set" + property);
        return best;
    }

    private static Method getter(Class<?> type, String property) throws NoSuchMethodException {
        for (String prefix : new String[]{"get", "is"}) {
            try {
                Method m = type.getMethod(prefix.concat(property));
                if (m.getReturnType() != void.class) return m;
            } catch (NoSuchMethodException ignored) {
                // try the next prefix
            }
        }
        throw new NoSuchMethodException(type.getName() + ".get" + property);
    }

    private static Object newInstance(Type type) throws ReflectiveOperationException {
        Class<?> raw = rawClass(type);
        if (raw == Object.class || raw == Map.class) return new LinkedHashMap<>();
        if (raw == List.class || raw == Collection.class) return new ArrayList<>();
        return raw.getConstructor().newInstance();
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) return c;
        if (type instanceof ParameterizedType p) return (Class<?>) p.getRawType();
        return Object.class;
    }

    private static Type typeArgument(Type type, int index) {
        if (type instanceof ParameterizedType p && p.getActualTypeArguments().length > index) {
            return p.getActualTypeArguments()[index];
        }
        return Object.class;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object convert(String value, Class<?> type) {
        if (type == String.class || type == Object.class || type == CharSequence.class) return value;
        if (type == int.class || type == Integer.class) return Integer.valueOf(value);
        if (type == long.class || type == Long.class) return Long.valueOf(value);
        if (type == boolean.class || type == Boolean.class) return Boolean.valueOf(value);
        if (type == double.class || type == Double.class) return Double.valueOf(value);
        if (type.isEnum()) return Enum.valueOf((Class<? extends Enum>) type, value);
        throw new IllegalArgumentException("cannot set a " + type.getName() + " from text: " + value);
    }

    // ------------------------------------------------------------------ reading the result

    /** Reads {@code path} from a result: getters, map keys, {@code size} of a collection. */
    static Object read(Object root, String path) {
        if (path.isEmpty()) return root;
        Object node = root;
        for (String segment : path.split("\\.")) {
            if (node == null) return null;
            if (node instanceof Map<?, ?> map) {
                node = map.get(segment);
            } else if (segment.equals("size") && node instanceof Collection<?> c) {
                node = c.size();
            } else {
                try {
                    node = getter(node.getClass(), capitalise(segment)).invoke(node);
                } catch (ReflectiveOperationException e) {
                    return "<no " + segment + " on " + node.getClass().getName() + ">";
                }
            }
        }
        return node;
    }
}
