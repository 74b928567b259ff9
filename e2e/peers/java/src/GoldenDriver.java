import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Drives the Java Kafka client through a broker (or a recording proxy in front of one):
 * creates a topic, produces one idempotent batch per compression codec, runs one small
 * transaction, then consumes everything in a consumer group and commits synchronously.
 *
 * <p>Usage: {@code java GoldenDriver BOOTSTRAP_HOST:PORT}
 */
public final class GoldenDriver {
  private static final String TOPIC = "golden-java";
  private static final String GROUP = "golden-java-group";
  private static final String[] CODECS = {"none", "gzip", "snappy", "lz4", "zstd"};
  private static final int PER_BATCH = 10;
  private static final int TXN_RECORDS = 3;

  private GoldenDriver() {}

  public static void main(String[] args) throws Exception {
    String bootstrap = args.length > 0 ? args[0] : "127.0.0.1:9092";
    createTopic(bootstrap);
    for (String codec : CODECS) {
      produce(bootstrap, codec);
    }
    produceTransaction(bootstrap);
    consume(bootstrap, CODECS.length * PER_BATCH + TXN_RECORDS);
  }

  private static void createTopic(String bootstrap) throws InterruptedException, ExecutionException {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(AdminClientConfig.CLIENT_ID_CONFIG, "golden-java-admin");
    try (Admin admin = Admin.create(props)) {
      admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get();
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) throw e;
    }
  }

  private static Properties producerProps(String bootstrap, String clientId) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    // Let all records of one codec gather into a single batch.
    props.put(ProducerConfig.LINGER_MS_CONFIG, "100");
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    return props;
  }

  private static ProducerRecord<String, String> record(String codec, int i) {
    String key = i == PER_BATCH - 1 ? null : "key-" + i;
    String value =
        i == PER_BATCH - 2
            ? null
            : "java " + codec + " record " + i + ": the quick brown fox jumps over the lazy dog";
    ProducerRecord<String, String> record =
        new ProducerRecord<>(TOPIC, 0, 1_700_000_000_000L + i, key, value);
    if (i == 0) {
      record.headers().add("codec", codec.getBytes(StandardCharsets.UTF_8));
      record.headers().add("client", "java".getBytes(StandardCharsets.UTF_8));
    }
    return record;
  }

  private static void produce(String bootstrap, String codec) throws Exception {
    Properties props = producerProps(bootstrap, "golden-java-" + codec);
    props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, codec);
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
      List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
      for (int i = 0; i < PER_BATCH; i++) {
        sent.add(producer.send(record(codec, i)));
      }
      for (java.util.concurrent.Future<?> f : sent) {
        f.get();
      }
    }
    System.out.println("produced " + PER_BATCH + " records with " + codec);
  }

  private static void produceTransaction(String bootstrap) {
    Properties props = producerProps(bootstrap, "golden-java-txn");
    props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "golden-java-txn");
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
      producer.initTransactions();
      producer.beginTransaction();
      for (int i = 0; i < TXN_RECORDS; i++) {
        producer.send(new ProducerRecord<>(TOPIC, 0, "txn-" + i, "java transactional record " + i));
      }
      producer.commitTransaction();
    }
    System.out.println("produced " + TXN_RECORDS + " records in a transaction");
  }

  private static void consume(String bootstrap, int expected) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "golden-java-consumer");
    props.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, "500");
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    int seen = 0;
    long next = 0;
    long deadline = System.currentTimeMillis() + 60_000;
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
      consumer.subscribe(Collections.singletonList(TOPIC));
      while (seen < expected) {
        if (System.currentTimeMillis() > deadline) {
          throw new IllegalStateException("consumed only " + seen + " of " + expected + " records");
        }
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
          seen++;
          next = r.offset() + 1;
        }
      }
      // Keep polling briefly so the group sees a heartbeat, then commit.
      consumer.poll(Duration.ofMillis(1200));
      consumer.commitSync(Map.of(new TopicPartition(TOPIC, 0), new OffsetAndMetadata(next)));
    }
    System.out.println("consumed " + seen + " records, committed offset " + next);
  }
}
