// Drives the Java AdminClient's partition-log admin calls against BOOTSTRAP and
// prints one tab-separated line per result, for e2e/test/broker-log-admin.test.ts.
// Runs as a single source file (no build step), on the jars build.sh resolves:
//
//   java -cp '.peers/java/libs/*' e2e/peers/java/LogAdminDriver.java BOOTSTRAP COMMAND ARGS... [";" COMMAND ARGS...]
//
// Several commands, separated by ";" arguments, run in turn on one client; each
// starts with a line "command<TAB>NAME". Commands:
//   describe-topics LIMIT TOPIC...        describeTopics with partitionSizeLimitPerResponse(LIMIT)
//   delete-records TOPIC PARTITION OFFSET deleteRecords
//   describe-producers TOPIC PARTITION    describeProducers
//   log-dirs BROKER                       describeLogDirs
// A failed call prints "error<TAB><exception class>".
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeProducersResult.PartitionProducerState;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.ProducerState;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.admin.ReplicaInfo;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicCollection;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;

public class LogAdminDriver {
  public static void main(String[] args) throws Exception {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000");
    List<List<String>> commands = new ArrayList<>();
    commands.add(new ArrayList<>());
    for (String arg : List.of(args).subList(1, args.length)) {
      if (arg.equals(";")) commands.add(new ArrayList<>());
      else commands.get(commands.size() - 1).add(arg);
    }
    try (Admin admin = Admin.create(props)) {
      for (List<String> c : commands) {
        System.out.println("command\t" + c.get(0));
        try {
          run(admin, c.get(0), c.subList(1, c.size()));
        } catch (ExecutionException e) {
          System.out.println("error\t" + e.getCause().getClass().getSimpleName());
        }
      }
    }
  }

  private static void run(Admin admin, String command, List<String> a) throws Exception {
    switch (command) {
      case "describe-topics": {
        int limit = Integer.parseInt(a.get(0));
        Map<String, TopicDescription> topics = admin
            .describeTopics(TopicCollection.ofTopicNames(a.subList(1, a.size())),
                new DescribeTopicsOptions().partitionSizeLimitPerResponse(limit))
            .allTopicNames().get();
        for (String name : a.subList(1, a.size())) {
          TopicDescription td = topics.get(name);
          System.out.println("topic\t" + name + "\t" + td.topicId() + "\t" + td.partitions().size());
          for (TopicPartitionInfo p : td.partitions()) {
            System.out.println("partition\t" + name + "\t" + p.partition() + "\t"
                + (p.leader() == null ? "none" : p.leader().id()) + "\t" + ids(p.replicas()) + "\t"
                + ids(p.isr()) + "\t" + ids(p.elr()) + "\t" + ids(p.lastKnownElr()));
          }
        }
        break;
      }
      case "delete-records": {
        TopicPartition tp = new TopicPartition(a.get(0), Integer.parseInt(a.get(1)));
        long lw = admin.deleteRecords(Map.of(tp, RecordsToDelete.beforeOffset(Long.parseLong(a.get(2)))))
            .lowWatermarks().get(tp).get().lowWatermark();
        System.out.println("low_watermark\t" + lw);
        break;
      }
      case "describe-producers": {
        TopicPartition tp = new TopicPartition(a.get(0), Integer.parseInt(a.get(1)));
        PartitionProducerState state = admin.describeProducers(List.of(tp)).partitionResult(tp).get();
        for (ProducerState p : state.activeProducers()) {
          System.out.println("producer\t" + p.producerId() + "\t" + p.producerEpoch() + "\t" + p.lastSequence()
              + "\t" + p.lastTimestamp() + "\t" + p.coordinatorEpoch() + "\t" + p.currentTransactionStartOffset());
        }
        break;
      }
      case "log-dirs": {
        int broker = Integer.parseInt(a.get(0));
        Map<String, LogDirDescription> dirs = admin.describeLogDirs(List.of(broker)).descriptions().get(broker).get();
        for (Map.Entry<String, LogDirDescription> d : dirs.entrySet()) {
          LogDirDescription desc = d.getValue();
          System.out.println("dir\t" + d.getKey() + "\t" + (desc.error() == null ? "none" : desc.error())
              + "\t" + desc.totalBytes().orElse(-1) + "\t" + desc.usableBytes().orElse(-1));
          for (Map.Entry<TopicPartition, ReplicaInfo> r : desc.replicaInfos().entrySet()) {
            System.out.println("replica\t" + r.getKey() + "\t" + r.getValue().size() + "\t"
                + r.getValue().offsetLag() + "\t" + r.getValue().isFuture());
          }
        }
        break;
      }
      default:
        throw new IllegalArgumentException("unknown command " + command);
    }
  }

  private static String ids(List<Node> nodes) {
    return nodes == null ? "null" : "[" + nodes.stream().map(n -> Integer.toString(n.id())).collect(Collectors.joining(",")) + "]";
  }
}
