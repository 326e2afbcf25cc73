package org.infointerview.testinfra;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/** Sets a {@link ServiceIT}'s {@link ApiClient} fields to clients of the running service. */
final class ApiClients implements TestInstancePostProcessor {

  @Override
  public void postProcessTestInstance(Object test, ExtensionContext context) throws Exception {
    ApplicationContext spring = SpringExtension.getApplicationContext(context);
    int port = spring.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    for (Class<?> type = test.getClass(); type != Object.class; type = type.getSuperclass()) {
      for (Field field : type.getDeclaredFields()) {
        if (field.getType() == ApiClient.class && !Modifier.isStatic(field.getModifiers())) {
          field.setAccessible(true);
          if (field.get(test) == null) {
            field.set(test, new ApiClient(port));
          }
        }
      }
    }
  }
}
