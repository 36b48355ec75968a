package nl.ontwikkelplein.local;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against the real local stack: started in a fresh data directory before the
 * class's own {@code @BeforeAll} methods, put into its {@code static TestStack} field, and closed
 * (directory removed) after the class.
 *
 * <pre>
 * &#64;LocalStackTest                       // template.yaml; TEST for src/test/resources/test-template.yaml
 * class MyTest {
 *     static TestStack stack;
 *     ...
 * }
 * </pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(TestStackExtension.class)
public @interface LocalStackTest {
    Template value() default Template.REAL;

    enum Template { REAL, TEST }
}
