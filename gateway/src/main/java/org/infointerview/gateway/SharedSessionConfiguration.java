package org.infointerview.gateway;

import io.lettuce.core.RedisURI;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * Browser sessions in the Redis that every gateway instance shares ({@code GATEWAY_REDIS_URI}), so
 * a load balancer may send each request of a browser to any instance: the session (who signed in,
 * their tokens, the sign-in in progress) is found wherever it lands, and signing out on one
 * instance signs out on all. Spring Boot's session support does the rest once this connection
 * exists: the same cookie ({@code server.servlet.session.cookie.*}) and time-out, sessions under
 * {@code infointerview:gateway:session}. Without a Redis, sessions stay in each instance's memory.
 *
 * <p>Only browsers have sessions: API clients send a bearer token on every request and never touch
 * Redis for a session, so they keep working while Redis is down; browsers cannot sign in or use
 * their session until it is back, and are told so ({@link SessionStoreOutageFilter}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${infointerview.gateway.redis-uri:}' != ''")
class SharedSessionConfiguration {

  private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(2);

  @Bean
  LettuceConnectionFactory sessionRedis(GatewayProperties gateway) {
    RedisURI uri = RedisURI.create(gateway.redisUri());
    LettuceClientConfiguration.LettuceClientConfigurationBuilder client =
        LettuceClientConfiguration.builder().commandTimeout(COMMAND_TIMEOUT);
    if (uri.isSsl()) {
      client.useSsl();
    }
    return new LettuceConnectionFactory(
        LettuceConnectionFactory.createRedisConfiguration(uri), client.build());
  }

  /** In front of Spring Session's filter, to answer for it when Redis does not. */
  @Bean
  FilterRegistrationBean<SessionStoreOutageFilter> sessionStoreOutage() {
    FilterRegistrationBean<SessionStoreOutageFilter> registration =
        new FilterRegistrationBean<>(new SessionStoreOutageFilter());
    registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
    return registration;
  }
}
