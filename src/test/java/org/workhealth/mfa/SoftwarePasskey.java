package org.workhealth.mfa;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import com.webauthn4j.data.AttestationConveyancePreference;
import com.webauthn4j.data.AuthenticatorAssertionResponse;
import com.webauthn4j.data.AuthenticatorAttestationResponse;
import com.webauthn4j.data.AuthenticatorSelectionCriteria;
import com.webauthn4j.data.PublicKeyCredential;
import com.webauthn4j.data.PublicKeyCredentialCreationOptions;
import com.webauthn4j.data.PublicKeyCredentialDescriptor;
import com.webauthn4j.data.PublicKeyCredentialParameters;
import com.webauthn4j.data.PublicKeyCredentialRequestOptions;
import com.webauthn4j.data.PublicKeyCredentialRpEntity;
import com.webauthn4j.data.PublicKeyCredentialType;
import com.webauthn4j.data.PublicKeyCredentialUserEntity;
import com.webauthn4j.data.ResidentKeyRequirement;
import com.webauthn4j.data.UserVerificationRequirement;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.test.authenticator.webauthn.NoneAttestationAuthenticator;
import com.webauthn4j.test.authenticator.webauthn.WebAuthnAuthenticatorAdaptor;
import com.webauthn4j.test.client.ClientPlatform;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A passkey on a software authenticator (webauthn4j-test) in a browser at the service's default origin: it
 * answers the service's registration and sign-in ceremonies over HTTP, as a browser's navigator.credentials
 * would, in the JSON forms assets/passkeys.mjs sends.
 */
final class SoftwarePasskey {

    static final String ORIGIN = "http://localhost:8080";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

    private final ClientPlatform browser;
    private byte[] credentialId;

    SoftwarePasskey() {
        this(ORIGIN);
    }

    /** A passkey in a browser at another address: what a look-alike site would relay. */
    SoftwarePasskey(String origin) {
        browser = new ClientPlatform(new Origin(origin),
                new WebAuthnAuthenticatorAdaptor(new NoneAttestationAuthenticator()));
    }

    /** The credential id in base64url, as the service stores it. */
    String id() {
        return ENCODE.encodeToString(credentialId);
    }

    /** Registers a new passkey with this name; the answer to {@code POST /webauthn/register}. */
    MvcResult register(MockMvc mvc, MockHttpSession session, String name) throws Exception {
        JsonNode options = json(mvc.perform(post("/webauthn/register/options").session(session).with(csrf()))
                .andReturn());
        JsonNode user = options.get("user");
        PublicKeyCredentialCreationOptions creation = new PublicKeyCredentialCreationOptions(
                new PublicKeyCredentialRpEntity(options.get("rp").get("id").asString(),
                        options.get("rp").get("name").asString()),
                new PublicKeyCredentialUserEntity(DECODE.decode(user.get("id").asString()),
                        user.get("name").asString(), user.get("displayName").asString()),
                new DefaultChallenge(DECODE.decode(options.get("challenge").asString())),
                List.of(new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY,
                        COSEAlgorithmIdentifier.ES256)),
                null, null,
                new AuthenticatorSelectionCriteria(null, ResidentKeyRequirement.REQUIRED,
                        UserVerificationRequirement.PREFERRED),
                AttestationConveyancePreference.NONE, null);
        PublicKeyCredential<AuthenticatorAttestationResponse, ?> created = browser.create(creation);
        credentialId = created.getRawId();
        Map<String, Object> credential = new LinkedHashMap<>();
        credential.put("id", ENCODE.encodeToString(created.getRawId()));
        credential.put("rawId", ENCODE.encodeToString(created.getRawId()));
        credential.put("type", "public-key");
        credential.put("response", Map.of(
                "attestationObject", ENCODE.encodeToString(created.getResponse().getAttestationObject()),
                "clientDataJSON", ENCODE.encodeToString(created.getResponse().getClientDataJSON()),
                "transports", List.of("internal")));
        credential.put("clientExtensionResults", Map.of());
        credential.put("authenticatorAttachment", "platform");
        String body = JSON.writeValueAsString(Map.of("publicKey", Map.of("credential", credential, "label", name)));
        return mvc.perform(post("/webauthn/register").session(session).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn();
    }

    /** Answers a sign-in with this passkey; the answer to {@code POST /login/webauthn}. */
    MvcResult signIn(MockMvc mvc, MockHttpSession session) throws Exception {
        JsonNode options = json(mvc.perform(post("/webauthn/authenticate/options").session(session).with(csrf()))
                .andReturn());
        // The passkey answers for itself, whatever the options listed: the service must be the one to refuse.
        List<PublicKeyCredentialDescriptor> allow = new ArrayList<>();
        allow.add(new PublicKeyCredentialDescriptor(PublicKeyCredentialType.PUBLIC_KEY, credentialId, null));
        PublicKeyCredentialRequestOptions request = new PublicKeyCredentialRequestOptions(
                new DefaultChallenge(DECODE.decode(options.get("challenge").asString())), null,
                options.get("rpId").asString(), allow, UserVerificationRequirement.PREFERRED, null);
        PublicKeyCredential<AuthenticatorAssertionResponse, ?> assertion = browser.get(request);
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("authenticatorData", ENCODE.encodeToString(assertion.getResponse().getAuthenticatorData()));
        response.put("clientDataJSON", ENCODE.encodeToString(assertion.getResponse().getClientDataJSON()));
        response.put("signature", ENCODE.encodeToString(assertion.getResponse().getSignature()));
        if (assertion.getResponse().getUserHandle() != null) {
            response.put("userHandle", ENCODE.encodeToString(assertion.getResponse().getUserHandle()));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", ENCODE.encodeToString(assertion.getRawId()));
        body.put("rawId", ENCODE.encodeToString(assertion.getRawId()));
        body.put("type", "public-key");
        body.put("response", response);
        body.put("clientExtensionResults", Map.of());
        body.put("authenticatorAttachment", "platform");
        return mvc.perform(post("/login/webauthn").session(session).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(body))).andReturn();
    }

    private static JsonNode json(MvcResult result) throws Exception {
        if (result.getResponse().getStatus() != 200) {
            throw new AssertionError("Options refused: " + result.getResponse().getStatus());
        }
        return JSON.readTree(result.getResponse().getContentAsString());
    }
}
