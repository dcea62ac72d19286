package uk.gov.service.notify;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URL;
import java.time.Duration;

/**
 * GOV.UK Notify's client with connect and read timeouts: the client sets none, so a Notify that accepts a connection
 * and never answers would hold a sender for ever. It lives in the client's package because the connection is made by
 * a package-private method (docs/decisions/0001).
 */
public class TimeoutNotificationClient extends NotificationClient {

    static {
        // Else the JDK sends a POST again, unasked, when its answer times out: a message sent twice for each
        // timeout. Only effective if no HTTP connection was made before; WorkHealthApplication.main sets it first.
        System.setProperty("sun.net.http.retryPost", "false");
    }

    private final int connectMillis;
    private final int readMillis;

    public TimeoutNotificationClient(String apiKey, String baseUrl, Duration connectTimeout, Duration readTimeout) {
        super(apiKey, baseUrl);
        this.connectMillis = Math.toIntExact(connectTimeout.toMillis());
        this.readMillis = Math.toIntExact(readTimeout.toMillis());
    }

    @Override
    HttpURLConnection getConnection(URL url) throws IOException {
        HttpURLConnection connection = super.getConnection(url);
        connection.setConnectTimeout(connectMillis);
        connection.setReadTimeout(readMillis);
        return connection;
    }
}
