package io.scenery.kafka;

import java.nio.file.Path;

/** Command-line options of {@link LocalKafkaBroker}. */
record BrokerOptions(String command, int port, int controllerPort, Path dataDir) {

    static BrokerOptions parse(String[] args) {
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: LocalKafkaBroker start|check [--port N] [--controller-port N] [--data-dir DIR]");
        }
        String command = args[0];
        int port = 9092;
        Integer controllerPort = null;
        Path dataDir = Path.of("var/kafka");
        for (int i = 1; i < args.length; i++) {
            String name = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + name + " needs a value");
            }
            String value = args[++i];
            switch (name) {
                case "--port" -> port = Integer.parseInt(value);
                case "--controller-port" -> controllerPort = Integer.parseInt(value);
                case "--data-dir" -> dataDir = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + name
                        + "; expected --port, --controller-port or --data-dir");
            }
        }
        return new BrokerOptions(command, port, controllerPort == null ? port + 1 : controllerPort, dataDir);
    }
}
