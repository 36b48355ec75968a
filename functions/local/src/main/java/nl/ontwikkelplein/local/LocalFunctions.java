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

/**
 * The template's functions, each as one warm handler instance, invoked the way the Lambda service
 * invokes them: event JSON in, response JSON out.
 *
 * <p>An instance is created on the first invocation (a cold start) and kept; after a timeout it is
 * thrown away, as Lambda discards that execution environment. Its constructor gets the function's
 * environment from the template when it has a public {@code (Map<String, String>)} constructor
 * (System.getenv cannot be set in-process), else the no-arg constructor is used. Lambda runs
 * concurrent requests in separate instances; handlers are written thread-safe, so one instance
 * here serves concurrent invocations.
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
    private final ExecutorService invocations;

    public LocalFunctions(List<FunctionSpec> specs, ClassLoader loader) {
        this.loader = loader;
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
        Object handler = function.handler(); // init phase: not counted against the timeout, like Lambda
        listeners.forEach(listener -> listener.invoked(function.spec, handler, eventJson));
        long timeoutMillis = function.spec.timeoutSeconds() * 1000L;
        LocalContext context = new LocalContext(function.spec, UUID.randomUUID().toString(),
                System.currentTimeMillis() + timeoutMillis);
        Future<String> result = invocations.submit(() -> function.handle(handler, eventJson, context));
        try {
            return result.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            result.cancel(true);
            function.discard(handler);
            throw new FunctionError("Sandbox.Timedout",
                    "Task timed out after " + function.spec.timeoutSeconds() + ".00 seconds", null);
        } catch (InterruptedException e) {
            result.cancel(true);
            Thread.currentThread().interrupt();
            throw new FunctionError("Interrupted", "invocation of " + functionId + " interrupted", e);
        } catch (ExecutionException e) {
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

    /** One function's execution environment: the handler instance and how to call it. */
    private final class FunctionInstance {

        private final FunctionSpec spec;
        private Object handler;
        private Type inputType;

        FunctionInstance(FunctionSpec spec) {
            this.spec = spec;
        }

        synchronized Object handler() throws FunctionError {
            if (handler == null) {
                handler = create();
                inputType = inputType(handler.getClass());
            }
            return handler;
        }

        synchronized void discard(Object instance) {
            if (handler == instance) {
                handler = null;
            }
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
                try {
                    Constructor<?> withEnvironment = type.getConstructor(Map.class);
                    return withEnvironment.newInstance(spec.environment());
                } catch (NoSuchMethodException e) {
                    return type.getConstructor().newInstance();
                }
            } catch (FunctionError e) {
                throw e;
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause();
                throw new FunctionError("Runtime.InitError", spec.logicalId() + " failed to initialise: " + cause, cause);
            } catch (ReflectiveOperationException | LinkageError e) {
                throw new FunctionError("Runtime.InitError", spec.logicalId() + " cannot load " + spec.handlerClass() + ": " + e, e);
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
