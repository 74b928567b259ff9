import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.AppInfoParser;

/**
 * Drives the Java client for the client-compatibility suite: the producer with default
 * settings (idempotent, acks=all), a consumer group and the AdminClient. Prints one JSON
 * object per line.
 *
 * <p>Usage: {@code java CompatDriver BOOTSTRAP SCENARIO [ARGS...]}; scenarios: version,
 * create-topic TOPIC PARTITIONS REPLICATION_FACTOR, produce TOPIC CODEC COUNT PREFIX, consume TOPIC GROUP COUNT,
 * member TOPIC GROUP, admin TOPIC GROUP PARTITIONS.
 *
 * <p>With {@code -Dcompat.config=FILE}, the client properties in FILE (e.g. {@code
 * security.protocol}, {@code sasl.mechanism}, {@code sasl.jaas.config}) are added to those of
 * every client the driver makes.
 */
public final class CompatDriver {
  private static final long STEP_TIMEOUT_MS = 60_000;
  private static final long MEMBER_MAX_LIFE_MS = 180_000;
  private static final String FILLER = "the quick brown fox jumps over the lazy dog ".repeat(3);

  private CompatDriver() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: CompatDriver BOOTSTRAP SCENARIO [ARGS...]");
      System.exit(2);
    }
    String bootstrap = args[0];
    String scenario = args[1];
    try {
      switch (scenario) {
        case "version":
          emit("event", "version", "client", "java", "version", AppInfoParser.getVersion());
          break;
        case "create-topic":
          createTopic(bootstrap, args[2], Integer.parseInt(args[3]), Short.parseShort(args[4]));
          break;
        case "produce":
          produce(bootstrap, args[2], args[3], Integer.parseInt(args[4]), args[5]);
          break;
        case "consume":
          consume(bootstrap, args[2], args[3], Integer.parseInt(args[4]));
          break;
        case "member":
          member(bootstrap, args[2], args[3]);
          break;
        case "admin":
          admin(bootstrap, args[2], args[3], Integer.parseInt(args[4]));
          break;
        default:
          throw new IllegalArgumentException("unknown scenario " + scenario);
      }
    } catch (Exception e) {
      emit("event", "error", "message", String.valueOf(e));
      System.out.flush();
      System.exit(1);
    }
    System.out.flush();
    System.exit(0);
  }

  // --- JSON output -------------------------------------------------------------------------

  private static String quote(String s) {
    if (s == null) return "null";
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
          else b.append(c);
        }
      }
    }
    return b.append('"').toString();
  }

  private static String json(Object v) {
    if (v == null) return "null";
    if (v instanceof String s) return quote(s);
    if (v instanceof Number || v instanceof Boolean) return v.toString();
    if (v instanceof Map<?, ?> m) {
      List<String> parts = new ArrayList<>();
      for (Map.Entry<?, ?> e : m.entrySet()) parts.add(quote(String.valueOf(e.getKey())) + ":" + json(e.getValue()));
      return "{" + String.join(",", parts) + "}";
    }
    if (v instanceof Collection<?> c) {
      List<String> parts = new ArrayList<>();
      for (Object o : c) parts.add(json(o));
      return "[" + String.join(",", parts) + "]";
    }
    return quote(v.toString());
  }

  /** Emits {k1: v1, k2: v2, ...} as one line. */
  private static synchronized void emit(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
    System.out.println(json(m));
    System.out.flush();
  }

  private static void check(String name, boolean ok, Object detail) {
    emit("event", "check", "name", name, "ok", ok, "detail", String.valueOf(detail));
  }

  // --- scenarios ---------------------------------------------------------------------------

  /** Adds the properties of the file named by {@code -Dcompat.config}, if any. */
  private static Properties withConfigFile(Properties props) {
    String file = System.getProperty("compat.config");
    if (file == null) return props;
    try (Reader in = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
      props.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return props;
  }

  private static Admin admin(String bootstrap) {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(AdminClientConfig.CLIENT_ID_CONFIG, "compat-java-admin");
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, String.valueOf(STEP_TIMEOUT_MS));
    return Admin.create(withConfigFile(props));
  }

  private static <T> T get(KafkaFuture<T> f) throws Exception {
    return f.get(STEP_TIMEOUT_MS, TimeUnit.MILLISECONDS);
  }

  private static void createTopic(String bootstrap, String topic, int partitions, short replicationFactor)
      throws Exception {
    try (Admin admin = admin(bootstrap)) {
      try {
        get(admin.createTopics(List.of(new NewTopic(topic, partitions, replicationFactor))).all());
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) throw e;
      }
      long deadline = System.currentTimeMillis() + STEP_TIMEOUT_MS;
      while (true) {
        try {
          TopicDescription d = get(admin.describeTopics(List.of(topic)).allTopicNames()).get(topic);
          if (d.partitions().size() == partitions && d.partitions().stream().allMatch(p -> p.leader() != null)) break;
        } catch (ExecutionException e) {
          // Not visible yet.
        }
        if (System.currentTimeMillis() > deadline) throw new IllegalStateException("topic has no leaders in time");
        Thread.sleep(100);
      }
    }
    emit("event", "topic-created", "topic", topic, "partitions", partitions);
  }

  private static void produce(String bootstrap, String topic, String codec, int count, String prefix)
      throws Exception {
    Properties props = new Properties();
    // Defaults otherwise: idempotence on, acks=all, the default (murmur2) partitioner.
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ProducerConfig.CLIENT_ID_CONFIG, "compat-java-producer");
    props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, codec);
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    AtomicReference<Exception> failure = new AtomicReference<>();
    CountDownLatch done = new CountDownLatch(count);
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(withConfigFile(props))) {
      for (int i = 0; i < count; i++) {
        String key = prefix + "-k" + (i % 8);
        ProducerRecord<String, String> r =
            new ProducerRecord<>(topic, key, prefix + "|" + codec + "|" + i + "|" + FILLER);
        r.headers().add("codec", codec.getBytes(StandardCharsets.UTF_8));
        r.headers().add("prefix", prefix.getBytes(StandardCharsets.UTF_8));
        producer.send(
            r,
            (md, e) -> {
              if (e != null) failure.compareAndSet(null, e);
              else emit("event", "produced", "key", key, "partition", md.partition(), "offset", md.offset());
              done.countDown();
            });
      }
      producer.flush();
      if (!done.await(STEP_TIMEOUT_MS, TimeUnit.MILLISECONDS)) throw new IllegalStateException("sends unacknowledged");
    }
    if (failure.get() != null) throw failure.get();
    emit("event", "produce-done", "count", count, "codec", codec);
  }

  private static Properties consumerProps(String bootstrap, String group, boolean autoCommit) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "compat-java-consumer");
    props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, String.valueOf(autoCommit));
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    return withConfigFile(props);
  }

  private static Map<String, String> headers(ConsumerRecord<String, String> r) {
    Map<String, String> h = new LinkedHashMap<>();
    for (Header x : r.headers()) h.put(x.key(), x.value() == null ? null : new String(x.value(), StandardCharsets.UTF_8));
    return h;
  }

  private static void consume(String bootstrap, String topic, String group, int count) {
    Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
    int seen = 0;
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProps(bootstrap, group, false))) {
      consumer.subscribe(List.of(topic));
      long deadline = System.currentTimeMillis() + STEP_TIMEOUT_MS;
      while (seen < count) {
        if (System.currentTimeMillis() > deadline) {
          throw new IllegalStateException("consumed " + seen + " of " + count + " records in time");
        }
        ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
        for (ConsumerRecord<String, String> r : records) {
          if (seen >= count) break;
          seen++;
          emit("event", "record", "partition", r.partition(), "offset", r.offset(), "key", r.key(),
              "value", r.value(), "headers", headers(r));
          commit.put(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1));
        }
      }
      consumer.commitSync(commit, Duration.ofMillis(STEP_TIMEOUT_MS));
      emit("event", "committed", "count", seen);
    }
    emit("event", "closed");
  }

  private static void member(String bootstrap, String topic, String group) throws Exception {
    AtomicBoolean stop = new AtomicBoolean(false);
    Thread stdin =
        new Thread(
            () -> {
              try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
                while (in.readLine() != null) {
                  // Wait for EOF: the suite's signal to leave the group.
                }
              } catch (Exception e) {
                // Treat as EOF.
              }
              stop.set(true);
            });
    stdin.setDaemon(true);
    stdin.start();
    Set<Integer> owned = new TreeSet<>();
    long deadline = System.currentTimeMillis() + MEMBER_MAX_LIFE_MS;
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProps(bootstrap, group, true))) {
      consumer.subscribe(
          List.of(topic),
          new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
              for (TopicPartition tp : partitions) owned.remove(tp.partition());
              emit("event", "assigned", "partitions", new ArrayList<>(owned));
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
              for (TopicPartition tp : partitions) owned.add(tp.partition());
              emit("event", "assigned", "partitions", new ArrayList<>(owned));
            }

            @Override
            public void onPartitionsLost(Collection<TopicPartition> partitions) {
              onPartitionsRevoked(partitions);
            }
          });
      while (!stop.get() && System.currentTimeMillis() < deadline) consumer.poll(Duration.ofMillis(200));
    }
    emit("event", "closed");
  }

  private static void admin(String bootstrap, String topic, String group, int partitions) throws Exception {
    try (Admin admin = admin(bootstrap)) {
      DescribeClusterResult cluster = admin.describeCluster();
      String clusterId = get(cluster.clusterId());
      int nodes = get(cluster.nodes()).size();
      check("describeCluster", clusterId != null && nodes >= 1 && get(cluster.controller()) != null,
          "cluster " + clusterId + ", " + nodes + " nodes");

      Set<String> names = get(admin.listTopics().names());
      check("listTopics", names.contains(topic), names.size() + " topics");

      TopicDescription d = get(admin.describeTopics(List.of(topic)).allTopicNames()).get(topic);
      check("describeTopics", d.partitions().size() == partitions && d.topicId() != null,
          d.partitions().size() + " partitions, id " + d.topicId());

      ConfigResource res = new ConfigResource(ConfigResource.Type.TOPIC, topic);
      get(admin.incrementalAlterConfigs(Map.of(res, List.of(new AlterConfigOp(
          new ConfigEntry("retention.ms", "86400000"), AlterConfigOp.OpType.SET)))).all());
      Config config = null;
      long deadline = System.currentTimeMillis() + 10_000;
      while (System.currentTimeMillis() < deadline) {
        config = get(admin.describeConfigs(List.of(res)).all()).get(res);
        ConfigEntry e = config.get("retention.ms");
        if (e != null && "86400000".equals(e.value())) break;
        Thread.sleep(200);
      }
      ConfigEntry retention = config == null ? null : config.get("retention.ms");
      check("incrementalAlterConfigs+describeConfigs",
          retention != null && "86400000".equals(retention.value())
              && retention.source() == ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG,
          retention);

      Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      for (int p = 0; p < partitions; p++) {
        earliest.put(new TopicPartition(topic, p), OffsetSpec.earliest());
        latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
      }
      var starts = get(admin.listOffsets(earliest).all());
      var ends = get(admin.listOffsets(latest).all());
      long total = 0;
      for (TopicPartition tp : ends.keySet()) total += ends.get(tp).offset() - starts.get(tp).offset();
      check("listOffsets", ends.size() == partitions && total > 0, total + " records");

      Collection<ConsumerGroupListing> groups = get(admin.listConsumerGroups().all());
      check("listConsumerGroups", groups.stream().anyMatch(g -> g.groupId().equals(group)), groups.size() + " groups");

      ConsumerGroupDescription gd = get(admin.describeConsumerGroups(List.of(group)).all()).get(group);
      check("describeConsumerGroups", gd.members().isEmpty(), "state " + gd.state() + ", " + gd.members().size() + " members");

      Map<TopicPartition, OffsetAndMetadata> committed =
          get(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata());
      boolean caughtUp = true;
      for (TopicPartition tp : ends.keySet()) {
        OffsetAndMetadata c = committed.get(tp);
        long end = ends.get(tp).offset();
        if (end > 0 && (c == null || c.offset() != end)) caughtUp = false;
      }
      check("listConsumerGroupOffsets", caughtUp, committed.size() + " partitions committed, all at the end offsets");

      String scratch = topic + "-scratch";
      get(admin.createTopics(List.of(new NewTopic(scratch, 2, (short) 1))).all());
      get(admin.createPartitions(Map.of(scratch, org.apache.kafka.clients.admin.NewPartitions.increaseTo(4))).all());
      int grown = 0;
      deadline = System.currentTimeMillis() + 10_000;
      while (System.currentTimeMillis() < deadline && grown != 4) {
        grown = get(admin.describeTopics(List.of(scratch)).allTopicNames()).get(scratch).partitions().size();
        if (grown != 4) Thread.sleep(200);
      }
      check("createPartitions", grown == 4, grown + " partitions");
      get(admin.deleteTopics(List.of(scratch)).all());
      boolean gone = false;
      deadline = System.currentTimeMillis() + 10_000;
      while (System.currentTimeMillis() < deadline && !gone) {
        gone = !get(admin.listTopics().names()).contains(scratch);
        if (!gone) Thread.sleep(200);
      }
      check("deleteTopics", gone, scratch);
    }
  }
}
