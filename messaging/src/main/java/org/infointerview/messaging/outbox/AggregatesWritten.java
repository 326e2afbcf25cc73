package org.infointerview.messaging.outbox;

import java.util.List;

/**
 * Said in this process, on the writer's thread, after {@link AggregateStore} wrote aggregates: for
 * read models kept in memory here (a search index) that must see this instance's own writes at
 * once. Other instances learn of the same writes from the events.
 *
 * @param type the aggregates' class
 * @param aggregates the aggregates as written, where the store had them whole
 * @param ids aggregates written in part (or perhaps not at all); read them again to know
 */
public record AggregatesWritten(Class<?> type, List<?> aggregates, List<Object> ids) {}
