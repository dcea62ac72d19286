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
