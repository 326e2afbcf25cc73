package org.infointerview.testinfra;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * An integration test of a whole service: the application on a random port against this JVM's real
 * Kafka broker and MongoDB endpoint ({@link InfrastructureTest}), with every non-static {@link
 * ApiClient} field of the test set to a client of that port before each test. Tokens come from
 * {@link TestIdentityProvider#get()}.
 *
 * <pre>{@code
 * @ServiceIT
 * class ContactChangesIT {
 *   private static final TestIdentityProvider IDP = TestIdentityProvider.get();
 *   ApiClient api;
 *   ...
 * }
 * }</pre>
 *
 * A test that needs properties of its own keeps {@code @SpringBootTest(properties = ...)} with
 * {@code @InfrastructureTest} instead.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@InfrastructureTest
@ExtendWith(ApiClients.class)
public @interface ServiceIT {}
