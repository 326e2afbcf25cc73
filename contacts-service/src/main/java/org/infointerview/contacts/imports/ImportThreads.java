package org.infointerview.contacts.imports;

import java.util.concurrent.Executor;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Imports run one at a time per instance, on a thread of their own, off the request threads; alumni
 * sync runs also hold a lock across instances.
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

  /** Locks held across instances, in the {@code shedLock} collection. */
  @Bean
  LockProvider importLocks(MongoTemplate mongo) {
    return new MongoLockProvider(mongo.getDb());
  }
}
