package backroom.relay.mqtt;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/** Paho clients and connect options from {@link BrokerSettings}. */
public final class Brokers {

    private Brokers() {
    }

    /**
     * An async client that keeps nothing on disk: what must survive a crash is in the box's
     * ledger or HQ's database, never in Paho's persistence.
     */
    public static MqttAsyncClient client(BrokerSettings broker, String clientId) {
        try {
            return new MqttAsyncClient(broker.url(), clientId, new MemoryPersistence());
        } catch (MqttException e) {
            throw new IllegalArgumentException("cannot make an MQTT client for " + broker + ": " + e.getMessage(), e);
        }
    }

    /** Clean session, no automatic reconnect (each end reconnects itself), {@code inflight} QoS 1 messages at once. */
    public static MqttConnectOptions options(BrokerSettings broker, int inflight) {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        options.setAutomaticReconnect(false);
        options.setConnectionTimeout(10);
        options.setKeepAliveInterval(20);
        options.setMaxInflight(inflight);
        broker.username().ifPresent(options::setUserName);
        broker.password().ifPresent(password -> options.setPassword(password.toCharArray()));
        if (broker.caFile().isPresent()) {
            options.setSocketFactory(trusting(broker).getSocketFactory());
        }
        return options;
    }

    private static SSLContext trusting(BrokerSettings broker) {
        try (InputStream pem = Files.newInputStream(broker.caFile().orElseThrow())) {
            Collection<? extends Certificate> authorities = CertificateFactory.getInstance("X.509").generateCertificates(pem);
            if (authorities.isEmpty()) {
                throw new IllegalArgumentException("no certificate in " + broker.caFile().get());
            }
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            int i = 0;
            for (Certificate authority : authorities) {
                trusted.setCertificateEntry("ca-" + i++, authority);
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read the broker's CA from " + broker.caFile().get() + ": " + e.getMessage(), e);
        }
    }
}
