package org.infointerview.notifications.delivery;

import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AbstractCompareAndSwapBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AsyncCompareAndSwapOperation;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.CompareAndSwapOperation;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.bson.Document;
import org.bson.types.Binary;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Bucket4j's buckets kept in MongoDB, so every instance draws from the same one: its own
 * compare-and-swap algorithm over a document per bucket ({@code state}, the bucket's bytes, written
 * only where it still holds what was read). Synchronous only.
 */
final class MongoBuckets extends AbstractCompareAndSwapBasedProxyManager<String> {

  static final String COLLECTION = "rate_buckets";

  private final MongoTemplate mongo;

  MongoBuckets(MongoTemplate mongo) {
    // Wall-clock time, the same on every instance (nano time is not comparable across JVMs).
    super(ClientSideConfig.getDefault().withClientClock(TimeMeter.SYSTEM_MILLISECONDS));
    this.mongo = mongo;
  }

  @Override
  protected CompareAndSwapOperation beginCompareAndSwapOperation(String key) {
    return new CompareAndSwapOperation() {
      @Override
      public Optional<byte[]> getStateData(Optional<Long> timeoutNanos) {
        Document bucket = mongo.findById(key, Document.class, COLLECTION);
        return Optional.ofNullable(bucket).map(b -> b.get("state", Binary.class).getData());
      }

      @Override
      public boolean compareAndSwap(
          byte @Nullable [] originalData,
          byte[] newData,
          RemoteBucketState newState,
          Optional<Long> timeoutNanos) {
        if (originalData == null) {
          try {
            mongo.insert(new Document("_id", key).append("state", new Binary(newData)), COLLECTION);
            return true;
          } catch (DuplicateKeyException raced) {
            return false;
          }
        }
        return mongo
                .updateFirst(
                    Query.query(
                        Criteria.where("_id").is(key).and("state").is(new Binary(originalData))),
                    new Update().set("state", new Binary(newData)),
                    COLLECTION)
                .getMatchedCount()
            == 1;
      }
    };
  }

  @Override
  protected AsyncCompareAndSwapOperation beginAsyncCompareAndSwapOperation(String key) {
    throw new UnsupportedOperationException("MongoBuckets is synchronous");
  }

  @Override
  public void removeProxy(String key) {
    mongo.remove(Query.query(Criteria.where("_id").is(key)), COLLECTION);
  }

  @Override
  protected CompletableFuture<Void> removeAsync(String key) {
    throw new UnsupportedOperationException("MongoBuckets is synchronous");
  }

  @Override
  public boolean isAsyncModeSupported() {
    return false;
  }
}
