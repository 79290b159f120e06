package org.labelbridge.function.cvat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;

/**
 * What the webhook needs from its secret, a JSON object:
 * {@code {"url": "https://cvat.example.com", "token": "...", "webhook_secret": "...", "auth_scheme": "Bearer"}}.
 * {@code auth_scheme} is {@code Bearer} (a personal access token, the default) or {@code Token}
 * (a legacy API key).
 */
record CvatCredentials(URI url, String token, String authScheme, String webhookSecret) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads the secret's JSON; {@code where} names the secret in errors (never its content). */
    static CvatCredentials parse(String json, String where) throws IOException {
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (IOException e) {
            throw new IOException(where + ": the secret is not a JSON object with url, token and webhook_secret");
        }
        for (String field : new String[] {"url", "token", "webhook_secret"}) {
            if (!node.path(field).isTextual() || node.path(field).asText().isBlank()) {
                throw new IOException(where + ": the secret has no '" + field + "' (it needs url, token and webhook_secret)");
            }
        }
        String url = node.get("url").asText().replaceAll("/+$", "");
        return new CvatCredentials(URI.create(url), node.get("token").asText(),
                node.path("auth_scheme").asText("Bearer"), node.get("webhook_secret").asText());
    }

    String authorization() {
        return authScheme + " " + token;
    }
}
