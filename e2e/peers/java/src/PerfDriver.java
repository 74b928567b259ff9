import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The produce/consume benchmark workload, run with the Java client against any Kafka bootstrap.
 *
 * <p>Usage: {@code java PerfDriver BOOTSTRAP TOPIC PARTITIONS RECORDS RECORD_BYTES RATE
 * [REPLICATION_FACTOR [MIN_INSYNC_REPLICAS]]}. Waits until the cluster has REPLICATION_FACTOR
 * brokers (default 1), creates the topic with that replication factor and, when given, that
 * min.insync.replicas topic config (otherwise the cluster's default applies), and waits until
 * every partition has a leader and a full ISR. It primes every partition with one acknowledged
 * record (not measured), starts a consumer assigned to every partition at the end, and produces
 * RECORDS records of RECORD_BYTES bytes with acks=all, at most RATE records per second (0 = as
 * fast as the producer goes). Each value starts with the send
 * time (System.nanoTime, one JVM, one clock), so the consumer measures end-to-end latency: from
 * handing the record to the producer to receiving it. Prints one JSON line: produce throughput
 * (first send to last acknowledgement), consume completion, percentiles of acknowledgement and
 * end-to-end latency in milliseconds, the replication factor, and the smallest ISR of any
 * partition once everything is consumed (below the replication factor when a follower fell out
 * of the ISR under the load, so that acks=all waited for fewer replicas).
 */
public final class PerfDriver {
  private static final long TIMEOUT_MS = 600_000;

  public static void main(String[] args) throws Exception {
    if (args.length < 6 || args.length > 8) {
      System.err.println(
          "usage: PerfDriver BOOTSTRAP TOPIC PARTITIONS RECORDS RECORD_BYTES RATE"
              + " [REPLICATION_FACTOR [MIN_INSYNC_REPLICAS]]");
      System.exit(2);
    }
    String bootstrap = args[0];
    String topic = args[1];
    int partitions = Integer.parseInt(args[2]);
    int records = Integer.parseInt(args[3]);
    int recordBytes = Integer.parseInt(args[4]);
    int rate = Integer.parseInt(args[5]);
    short replicationFactor = args.length > 6 ? Short.parseShort(args[6]) : 1;
    String minInsyncReplicas = args.length > 7 ? args[7] : null;
    if (recordBytes < 8) throw new IllegalArgumentException("RECORD_BYTES must be at least 8");
    if (replicationFactor < 1) throw new IllegalArgumentException("REPLICATION_FACTOR must be at least 1");

    Properties ap = new Properties();
    ap.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    try (Admin admin = Admin.create(ap)) {
      // Brokers of a cluster that has just started may still be registering.
      long brokersDeadline = System.currentTimeMillis() + 120_000;
      while (admin.describeCluster().nodes().get(60, TimeUnit.SECONDS).size() < replicationFactor) {
        if (System.currentTimeMillis() > brokersDeadline)
          throw new IllegalStateException("fewer than " + replicationFactor + " brokers registered");
        Thread.sleep(200);
      }
      NewTopic newTopic = new NewTopic(topic, partitions, replicationFactor);
      if (minInsyncReplicas != null) newTopic.configs(Map.of("min.insync.replicas", minInsyncReplicas));
      admin.createTopics(List.of(newTopic)).all().get(60, TimeUnit.SECONDS);
      // Wait until every partition has a leader and all its replicas in sync. The broker asked may
      // not know the new topic yet: a cluster's brokers learn it from the controller one by one.
      long deadline = System.currentTimeMillis() + 60_000;
      while (true) {
        TopicDescription d = null;
        try {
          d = admin.describeTopics(List.of(topic)).allTopicNames().get(60, TimeUnit.SECONDS).get(topic);
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) throw e;
        }
        if (d != null
            && d.partitions().size() == partitions
            && d.partitions().stream()
                .allMatch(p -> p.leader() != null && p.isr().size() == replicationFactor)) break;
        if (System.currentTimeMillis() > deadline)
          throw new IllegalStateException("partitions without a leader or a full ISR: " + d);
        Thread.sleep(100);
      }
    }

    Properties pp = new Properties();
    pp.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    pp.put(ProducerConfig.ACKS_CONFIG, "all");
    pp.put(ProducerConfig.LINGER_MS_CONFIG, "5");
    pp.put(ProducerConfig.BATCH_SIZE_CONFIG, "65536");
    pp.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    pp.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());

    long[] e2eNanos = new long[records];
    AtomicLong received = new AtomicLong();
    AtomicReference<Throwable> consumerError = new AtomicReference<>();
    CountDownLatch consumerReady = new CountDownLatch(1);
    CountDownLatch consumed = new CountDownLatch(1);
    AtomicLong lastReceivedNanos = new AtomicLong();

    Properties cp = new Properties();
    cp.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    cp.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    cp.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    cp.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    cp.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "100");
    cp.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
    Thread consumerThread =
        new Thread(
            () -> {
              try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(cp)) {
                List<TopicPartition> tps = new ArrayList<>();
                for (int p = 0; p < partitions; p++) tps.add(new TopicPartition(topic, p));
                consumer.assign(tps);
                consumer.seekToEnd(tps);
                for (TopicPartition tp : tps) consumer.position(tp);
                consumerReady.countDown();
                long deadline = System.currentTimeMillis() + TIMEOUT_MS;
                while (received.get() < records && System.currentTimeMillis() < deadline) {
                  for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                    if (r.key() != null) continue; // a priming record, should the end have been before it
                    long now = System.nanoTime();
                    long sent = ByteBuffer.wrap(r.value()).getLong(0);
                    int i = (int) received.getAndIncrement();
                    if (i < records) e2eNanos[i] = now - sent;
                    lastReceivedNanos.set(now);
                  }
                }
              } catch (Throwable t) {
                consumerError.set(t);
              } finally {
                consumerReady.countDown();
                consumed.countDown();
              }
            },
            "consumer");
    long[] ackNanos = new long[records];
    AtomicLong acked = new AtomicLong();
    AtomicReference<Exception> produceError = new AtomicReference<>();
    CountDownLatch allAcked = new CountDownLatch(records);
    long start;
    long lastAck;
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(pp)) {
      byte[] filler = new byte[recordBytes];
      Arrays.fill(filler, (byte) 'x');
      // One acknowledged record per partition first, not measured: the figures are then of a
      // running replication path, not of a topic still being set up (in Kafka, a follower that
      // fetches before its leader knows the new partition backs off replica.fetch.backoff.ms, 1 s).
      List<Future<RecordMetadata>> primed = new ArrayList<>();
      byte[] primeKey = {'p'};
      for (int p = 0; p < partitions; p++) primed.add(producer.send(new ProducerRecord<>(topic, p, primeKey, filler)));
      for (Future<RecordMetadata> f : primed) f.get(120, TimeUnit.SECONDS);
      consumerThread.start();
      consumerReady.await();
      start = System.nanoTime();
      long intervalNanos = rate > 0 ? 1_000_000_000L / rate : 0;
      for (int i = 0; i < records; i++) {
        if (intervalNanos > 0) {
          long due = start + i * intervalNanos;
          while (System.nanoTime() < due) Thread.onSpinWait();
        }
        byte[] value = filler.clone();
        long sent = System.nanoTime();
        ByteBuffer.wrap(value).putLong(0, sent);
        producer.send(
            new ProducerRecord<>(topic, i % partitions, null, value),
            (md, e) -> {
              if (e != null) produceError.compareAndSet(null, e);
              else ackNanos[(int) acked.getAndIncrement()] = System.nanoTime() - sent;
              allAcked.countDown();
            });
      }
      if (!allAcked.await(TIMEOUT_MS, TimeUnit.MILLISECONDS)) throw new IllegalStateException("acks timed out");
      lastAck = System.nanoTime();
    }
    if (produceError.get() != null) throw produceError.get();
    if (!consumed.await(TIMEOUT_MS, TimeUnit.MILLISECONDS)) throw new IllegalStateException("consume timed out");
    if (consumerError.get() != null) throw new ExecutionException(consumerError.get());
    if (received.get() != records)
      throw new IllegalStateException("consumed " + received.get() + " of " + records + " records");

    int minIsrAfter;
    try (Admin admin = Admin.create(ap)) {
      var d = admin.describeTopics(List.of(topic)).allTopicNames().get(60, TimeUnit.SECONDS).get(topic);
      minIsrAfter = d.partitions().stream().mapToInt(p -> p.isr().size()).min().orElse(0);
    }

    double produceSeconds = (lastAck - start) / 1e9;
    double consumeSeconds = (lastReceivedNanos.get() - start) / 1e9;
    double megabytes = (double) records * recordBytes / 1e6;
    Arrays.sort(ackNanos);
    Arrays.sort(e2eNanos);
    StringBuilder out = new StringBuilder();
    out.append('{');
    out.append("\"records\":").append(records);
    out.append(",\"recordBytes\":").append(recordBytes);
    out.append(",\"targetRate\":").append(rate);
    out.append(",\"produceSeconds\":").append(String.format("%.3f", produceSeconds));
    out.append(",\"produceMBps\":").append(String.format("%.2f", megabytes / produceSeconds));
    out.append(",\"produceRecordsPerSecond\":").append(String.format("%.0f", records / produceSeconds));
    out.append(",\"consumeMBps\":").append(String.format("%.2f", megabytes / consumeSeconds));
    out.append(",\"ackMs\":").append(percentiles(ackNanos));
    out.append(",\"endToEndMs\":").append(percentiles(e2eNanos));
    out.append(",\"replicationFactor\":").append(replicationFactor);
    out.append(",\"minIsrAfter\":").append(minIsrAfter);
    out.append('}');
    System.out.println(out);
  }

  private static String percentiles(long[] sorted) {
    return String.format(
        "{\"p50\":%.3f,\"p99\":%.3f,\"p999\":%.3f,\"max\":%.3f}",
        at(sorted, 0.50), at(sorted, 0.99), at(sorted, 0.999), sorted[sorted.length - 1] / 1e6);
  }

  private static double at(long[] sorted, double q) {
    int i = Math.min(sorted.length - 1, (int) Math.floor(q * sorted.length));
    return sorted[i] / 1e6;
  }

  private PerfDriver() {}
}
