package nl.ontwikkelplein.local;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import nl.ontwikkelplein.domain.Stores;

/**
 * The template's functions, invoked the way the Lambda service invokes them: event JSON in,
 * response JSON out, and like Lambda with one handler instance per concurrent invocation.
 *
 * <p>Each function keeps a pool of execution environments. An invocation takes an idle one or
 * creates a new one (a cold start), and gives it back when done, so concurrent requests run side
 * by side in separate instances, and an instance never serves two invocations at once. After a
 * timeout the environment is thrown away, as Lambda discards it.
 *
 * <p>A handler is constructed the way its class allows, first match wins: with its storage ports
 * and the function's environment from the template ({@code (Stores, Map<String, String>)}: the
 * production handlers' composition root, here with the SQLite adapters), with the environment
 * alone ({@code (Map<String, String>)}), or with no arguments. (System.getenv cannot be set
 * in-process, so the environment goes in as an argument.)
 */
public final class LocalFunctions implements AutoCloseable {

    /** Told about every invocation that reached a handler instance; for tests and tooling. */
    public interface InvocationListener {
        void invoked(FunctionSpec function, Object handler, String eventJson);
    }

    private final Map<String, FunctionInstance> functions = new LinkedHashMap<>();
    private final List<InvocationListener> listeners = new CopyOnWriteArrayList<>();
    private final LambdaSerialization serialization;
    private final ClassLoader loader;
    private final Function<Map<String, String>, Stores> storesFor;
    private final ExecutorService invocations;

    /** @param storesFor the storage ports for a function with this environment (its table names) */
    public LocalFunctions(List<FunctionSpec> specs, ClassLoader loader, Function<Map<String, String>, Stores> storesFor) {
        this.loader = loader;
        this.storesFor = storesFor;
        this.serialization = new LambdaSerialization(loader);
        AtomicInteger threads = new AtomicInteger();
        this.invocations = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "lambda-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        for (FunctionSpec spec : specs) {
            functions.put(spec.logicalId(), new FunctionInstance(spec));
        }
    }

    public void addInvocationListener(InvocationListener listener) {
        listeners.add(listener);
    }

    public void removeInvocationListener(InvocationListener listener) {
        listeners.remove(listener);
    }

    public Set<String> ids() {
        return functions.keySet();
    }

    public FunctionSpec spec(String functionId) {
        return instance(functionId).spec;
    }

    /**
     * A synchronous invocation (RequestResponse).
     *
     * @return the handler's response serialised as Lambda would ("null" for a null/void result)
     * @throws FunctionError when the handler cannot be created, throws, or times out
     */
    public String invoke(String functionId, String eventJson) throws FunctionError {
        FunctionInstance function = instance(functionId);
        Object handler = function.acquire(); // init phase: not counted against the timeout, like Lambda
        listeners.forEach(listener -> listener.invoked(function.spec, handler, eventJson));
        long timeoutMillis = function.spec.timeoutSeconds() * 1000L;
        LocalContext context = new LocalContext(function.spec, UUID.randomUUID().toString(),
                System.currentTimeMillis() + timeoutMillis);
        Future<String> result = invocations.submit(() -> function.handle(handler, eventJson, context));
        try {
            String response = result.get(timeoutMillis, TimeUnit.MILLISECONDS);
            function.release(handler);
            return response;
        } catch (TimeoutException e) {
            result.cancel(true);
            function.discard(); // not given back: Lambda discards a timed-out environment
            throw new FunctionError("Sandbox.Timedout",
                    "Task timed out after " + function.spec.timeoutSeconds() + ".00 seconds", null);
        } catch (InterruptedException e) {
            result.cancel(true);
            function.discard();
            Thread.currentThread().interrupt();
            throw new FunctionError("Interrupted", "invocation of " + functionId + " interrupted", e);
        } catch (ExecutionException e) {
            function.release(handler); // a function error keeps the environment, as in Lambda
            Throwable cause = e.getCause();
            if (cause instanceof FunctionError error) {
                throw error;
            }
            throw new FunctionError(cause.getClass().getName(), String.valueOf(cause.getMessage()), cause);
        }
    }

    /** Why a function's handler cannot run (class missing, wrong interface), if so; loads nothing else. */
    public Optional<String> handlerProblem(String functionId) {
        FunctionSpec spec = instance(functionId).spec;
        try {
            Class<?> type = Class.forName(spec.handlerClass(), false, loader);
            if (!RequestHandler.class.isAssignableFrom(type) && !RequestStreamHandler.class.isAssignableFrom(type)) {
                return Optional.of(spec.handlerClass() + " implements neither RequestHandler nor RequestStreamHandler");
            }
            if (!"handleRequest".equals(spec.handlerMethod())) {
                return Optional.of("handler method " + spec.handlerMethod() + " is not handleRequest");
            }
            return Optional.empty();
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.of("class " + spec.handlerClass() + " is not on the classpath (" + e + ")");
        }
    }

    private FunctionInstance instance(String functionId) {
        FunctionInstance function = functions.get(functionId);
        if (function == null) {
            throw new IllegalArgumentException("no function " + functionId + " in the template (have " + functions.keySet() + ")");
        }
        return function;
    }

    @Override
    public void close() {
        invocations.shutdownNow();
    }

    /** How many execution environments a function has now (idle or busy); for tests and tooling. */
    public int environments(String functionId) {
        return instance(functionId).created.get();
    }

    /** One function: its idle execution environments (handler instances) and how to call them. */
    private final class FunctionInstance {

        private final FunctionSpec spec;
        private final Deque<Object> idle = new ArrayDeque<>();
        private final AtomicInteger created = new AtomicInteger();
        private volatile Type inputType;

        FunctionInstance(FunctionSpec spec) {
            this.spec = spec;
        }

        /**
         * An idle environment, or a new one (constructed outside the lock, so cold starts overlap);
         * at the function's reserved concurrency, the next invocation waits for one to be free.
         */
        Object acquire() throws FunctionError {
            synchronized (this) {
                while (idle.isEmpty() && spec.reservedConcurrency() > 0 && created.get() >= spec.reservedConcurrency()) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new FunctionError("Interrupted", "waiting for " + spec.logicalId() + " to be free", e);
                    }
                }
                if (!idle.isEmpty()) {
                    return idle.pop();
                }
                created.incrementAndGet(); // this environment's slot, before it is made (the wait above counts it)
            }
            Object handler;
            try {
                handler = create();
            } catch (FunctionError | RuntimeException e) {
                discard();
                throw e;
            }
            if (inputType == null) {
                inputType = inputType(handler.getClass());
            }
            return handler;
        }

        synchronized void release(Object handler) {
            idle.push(handler);
            notifyAll();
        }

        synchronized void discard() {
            created.decrementAndGet();
            notifyAll();
        }

        String handle(Object instance, String eventJson, Context context) throws Exception {
            Thread.currentThread().setContextClassLoader(loader);
            if (instance instanceof RequestStreamHandler streamHandler) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                streamHandler.handleRequest(new ByteArrayInputStream(eventJson.getBytes(StandardCharsets.UTF_8)), out, context);
                return out.toString(StandardCharsets.UTF_8);
            }
            Object input;
            try {
                input = serialization.fromJson(eventJson, inputType);
            } catch (RuntimeException e) {
                // The Lambda Java runtime fails the invocation with this message before the handler runs.
                throw new FunctionError("java.lang.RuntimeException", "An error occurred during JSON parsing: " + e.getCause(), e);
            }
            @SuppressWarnings("unchecked")
            RequestHandler<Object, Object> requestHandler = (RequestHandler<Object, Object>) instance;
            return serialization.toJson(requestHandler.handleRequest(input, context));
        }

        private Object create() throws FunctionError {
            try {
                Class<?> type = Class.forName(spec.handlerClass(), true, loader);
                if (!RequestHandler.class.isAssignableFrom(type) && !RequestStreamHandler.class.isAssignableFrom(type)) {
                    throw new FunctionError("Runtime.InvalidHandler",
                            spec.handlerClass() + " implements neither RequestHandler nor RequestStreamHandler", null);
                }
                if (!"handleRequest".equals(spec.handlerMethod())) {
                    throw new FunctionError("Runtime.InvalidHandler", "only handleRequest is supported, not " + spec.handlerMethod(), null);
                }
                Constructor<?> withStores = constructor(type, Stores.class, Map.class);
                if (withStores != null) {
                    return withStores.newInstance(storesFor.apply(spec.environment()), spec.environment());
                }
                Constructor<?> withEnvironment = constructor(type, Map.class);
                if (withEnvironment != null) {
                    return withEnvironment.newInstance(spec.environment());
                }
                return type.getConstructor().newInstance();
            } catch (FunctionError e) {
                throw e;
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause();
                throw new FunctionError("Runtime.InitError", spec.logicalId() + " failed to initialise: " + cause, cause);
            } catch (ReflectiveOperationException | LinkageError e) {
                throw new FunctionError("Runtime.InitError", spec.logicalId() + " cannot load " + spec.handlerClass() + ": " + e, e);
            } catch (RuntimeException e) { // the stores could not be made for this environment
                throw new FunctionError("Runtime.InitError", spec.logicalId() + " failed to initialise: " + e, e);
            }
        }

        private static Constructor<?> constructor(Class<?> type, Class<?>... parameters) {
            try {
                return type.getConstructor(parameters);
            } catch (NoSuchMethodException e) {
                return null;
            }
        }

        /** The declared input type: the parameter of the non-bridge handleRequest(I, Context). */
        private Type inputType(Class<?> type) {
            for (Method method : type.getMethods()) {
                if (method.getName().equals("handleRequest") && !method.isBridge() && method.getParameterCount() == 2
                        && method.getParameterTypes()[1] == Context.class) {
                    Type input = method.getGenericParameterTypes()[0];
                    return input instanceof Class<?> || input instanceof ParameterizedType ? input : Object.class;
                }
            }
            return Object.class;
        }
    }
}
