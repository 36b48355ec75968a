package nl.ontwikkelplein.local;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/** The lifecycle behind {@link LocalStackTest}: one stack per test class. */
final class TestStackExtension implements BeforeAllCallback, AfterAllCallback {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TestStackExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Class<?> testClass = context.getRequiredTestClass();
        LocalStackTest.Template template = AnnotationSupport.findAnnotation(testClass, LocalStackTest.class)
                .map(LocalStackTest::value).orElse(LocalStackTest.Template.REAL);
        Path data = Files.createTempDirectory("ontwikkelplein-test-");
        TestStack stack = TestStack.start(
                template == LocalStackTest.Template.TEST ? TestStack.testTemplate() : TestStack.realTemplate(), data, Map.of());
        context.getStore(NAMESPACE).put("data", data);
        context.getStore(NAMESPACE).put("stack", stack);
        stackField(testClass).set(null, stack);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        TestStack stack = context.getStore(NAMESPACE).remove("stack", TestStack.class);
        if (stack != null) stack.close();
        Path data = context.getStore(NAMESPACE).remove("data", Path.class);
        if (data != null) {
            try (Stream<Path> files = Files.walk(data)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }

    private static Field stackField(Class<?> testClass) {
        for (Field field : testClass.getDeclaredFields()) {
            if (field.getType() == TestStack.class && Modifier.isStatic(field.getModifiers())) {
                field.setAccessible(true);
                return field;
            }
        }
        throw new IllegalStateException(testClass.getSimpleName() + " needs a static TestStack field for @LocalStackTest");
    }
}
