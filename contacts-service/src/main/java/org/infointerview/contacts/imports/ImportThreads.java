package org.infointerview.contacts.imports;

import java.util.concurrent.Executor;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Imports into the directory run one at a time per instance, on a thread of their own, off the
 * request threads; alumni sync runs also hold a lock across instances. Students' own imports (a few
 * hundred rows each) have threads of their own, so that none waits behind a million-row file.
 */
@Configuration
class ImportThreads {

  @Bean(name = "importExecutor", destroyMethod = "shutdown")
  Executor importExecutor() {
    ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
    executor.setThreadNamePrefix("import-");
    executor.setCorePoolSize(1);
    executor.setMaxPoolSize(1);
    executor.setQueueCapacity(100);
    executor.setWaitForTasksToCompleteOnShutdown(false);
    executor.initialize();
    return executor;
  }

  @Bean(name = "personalImportExecutor", destroyMethod = "shutdown")
  Executor personalImportExecutor(ImportsProperties properties) {
    ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
    executor.setThreadNamePrefix("personal-import-");
    executor.setCorePoolSize(properties.personalThreads());
    executor.setMaxPoolSize(properties.personalThreads());
    executor.setQueueCapacity(100);
    executor.setWaitForTasksToCompleteOnShutdown(false);
    executor.initialize();
    return executor;
  }

  /** Locks held across instances, in the {@code shedLock} collection. */
  @Bean
  LockProvider importLocks(MongoTemplate mongo) {
    return new MongoLockProvider(mongo.getDb());
  }
}
