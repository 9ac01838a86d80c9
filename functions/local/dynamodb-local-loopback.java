import java.lang.reflect.Field;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

/**
 * Starts DynamoDB Local listening on one address only (127.0.0.1 for the portal).
 *
 * Why this file exists: DynamoDB Local has no option to choose its listen address. It builds its
 * Jetty server with {@code new Server(port)}, which listens on every interface, so any machine on
 * the network could read and change the local data. This launcher builds the server exactly as
 * DynamoDB Local's own {@code ServerRunner} does (same command-line options), sets the host of its
 * one connector before it starts, and then starts it. Nothing else changes.
 *
 * Run with Java's source-file mode, no build step:
 * {@code java -cp DynamoDBLocal.jar dynamodb-local-loopback.java 127.0.0.1 -port 8000 -sharedDb ...}
 */
final class DynamoDbLocalLoopback {
  public static void main(String[] args) throws Exception {
    if (args.length < 1) throw new IllegalArgumentException("usage: <host> [DynamoDB Local options]");
    String host = args[0];
    String[] options = java.util.Arrays.copyOfRange(args, 1, args.length);
    DynamoDBProxyServer proxy = ServerRunner.createServerFromCommandLineArgs(options);
    Field field = DynamoDBProxyServer.class.getDeclaredField("server");
    field.setAccessible(true);
    Server jetty = (Server) field.get(proxy);
    int bound = 0;
    for (Connector connector : jetty.getConnectors()) {
      if (connector instanceof ServerConnector) {
        ((ServerConnector) connector).setHost(host);
        bound++;
      }
    }
    // Refuse to run open to the network if a future DynamoDB Local changes how it builds Jetty.
    if (bound == 0) throw new IllegalStateException("DynamoDB Local has no connector whose host can be set; not starting it on every interface.");
    proxy.start();
    System.out.println("DynamoDB Local listens on " + host + " only.");
  }
}
