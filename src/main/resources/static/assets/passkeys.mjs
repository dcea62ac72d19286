// Passkeys (WebAuthn) on the account page and the second sign-in step. Talks to Spring Security's endpoints
// (/webauthn/register/options, /webauthn/register, /webauthn/authenticate/options, /login/webauthn) in their JSON
// forms. Served from /assets so the content security policy (script-src 'self') allows it; without JavaScript
// the page says passkeys need it and the code route works as before.

const base64url = {
  encode (buffer) {
    return btoa(String.fromCharCode(...new Uint8Array(buffer)))
      .replace(/=/g, '').replace(/\+/g, '-').replace(/\//g, '_')
  },
  decode (text) {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'))
    return Uint8Array.from(binary, c => c.charCodeAt(0)).buffer
  }
}

function csrfHeaders (form) {
  const token = form.querySelector('input[name="_csrf"]')
  return token ? { 'X-CSRF-TOKEN': token.value } : {}
}

async function postJson (url, form, body) {
  return fetch(url, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', ...csrfHeaders(form) },
    body: body === undefined ? undefined : JSON.stringify(body)
  })
}

function showError (message, field) {
  const summary = document.getElementById('passkey-error-summary')
  document.getElementById('passkey-error-link').textContent = message
  summary.hidden = false
  if (field) {
    document.getElementById('passkey-name-group').classList.add('govuk-form-group--error')
    document.getElementById('passkey-name-error-text').textContent = message
    document.getElementById('passkey-name-error').hidden = false
    field.classList.add('govuk-input--error')
    field.setAttribute('aria-describedby', 'passkey-name-hint passkey-name-error')
  }
  summary.focus()
}

function clearError (field) {
  document.getElementById('passkey-error-summary').hidden = true
  if (field) {
    document.getElementById('passkey-name-group').classList.remove('govuk-form-group--error')
    document.getElementById('passkey-name-error').hidden = true
    field.classList.remove('govuk-input--error')
    field.setAttribute('aria-describedby', 'passkey-name-hint')
  }
}

async function register (form, name) {
  const optionsResponse = await postJson('/webauthn/register/options', form)
  if (!optionsResponse.ok) throw new Error('options ' + optionsResponse.status)
  const options = await optionsResponse.json()
  const created = await navigator.credentials.create({
    publicKey: {
      ...options,
      challenge: base64url.decode(options.challenge),
      user: { ...options.user, id: base64url.decode(options.user.id) },
      excludeCredentials: (options.excludeCredentials || []).map(c => ({ ...c, id: base64url.decode(c.id) }))
    }
  })
  const response = created.response
  const answer = await postJson('/webauthn/register', form, {
    publicKey: {
      label: name,
      credential: {
        id: created.id,
        rawId: base64url.encode(created.rawId),
        type: created.type,
        response: {
          attestationObject: base64url.encode(response.attestationObject),
          clientDataJSON: base64url.encode(response.clientDataJSON),
          transports: response.getTransports ? response.getTransports() : []
        },
        clientExtensionResults: created.getClientExtensionResults(),
        authenticatorAttachment: created.authenticatorAttachment
      }
    }
  })
  const result = await answer.json().catch(() => ({}))
  if (!answer.ok || !result.success) {
    const refusal = new Error('register ' + answer.status)
    refusal.userMessage = result.error
    throw refusal
  }
}

async function authenticate (form) {
  const optionsResponse = await postJson('/webauthn/authenticate/options', form)
  if (!optionsResponse.ok) throw new Error('options ' + optionsResponse.status)
  const options = await optionsResponse.json()
  const credential = await navigator.credentials.get({
    publicKey: {
      ...options,
      challenge: base64url.decode(options.challenge),
      allowCredentials: (options.allowCredentials || []).map(c => ({ ...c, id: base64url.decode(c.id) }))
    }
  })
  const response = credential.response
  const answer = await postJson('/login/webauthn', form, {
    id: credential.id,
    rawId: base64url.encode(credential.rawId),
    type: credential.type,
    response: {
      authenticatorData: base64url.encode(response.authenticatorData),
      clientDataJSON: base64url.encode(response.clientDataJSON),
      signature: base64url.encode(response.signature),
      userHandle: response.userHandle ? base64url.encode(response.userHandle) : undefined
    },
    clientExtensionResults: credential.getClientExtensionResults(),
    authenticatorAttachment: credential.authenticatorAttachment
  })
  if (!answer.ok) throw new Error('sign in ' + answer.status)
}

const supported = 'PublicKeyCredential' in window && navigator.credentials

const adding = document.getElementById('passkey-add')
if (adding) {
  if (!supported) {
    document.getElementById('passkeys-unsupported').hidden = false
  } else {
    adding.hidden = false
    const form = document.getElementById('passkey-form')
    const field = document.getElementById('passkey-name')
    form.addEventListener('submit', async event => {
      event.preventDefault()
      clearError(field)
      const name = field.value.trim()
      if (!name) {
        showError('Enter a name for the passkey', field)
        return
      }
      try {
        await register(form, name)
        window.location.assign('/account/mfa?passkeyAdded')
      } catch (error) {
        showError(error.userMessage || 'The passkey was not added. Try again, or keep using your authenticator app', error.userMessage ? field : null)
      }
    })
  }
}

const signingIn = document.getElementById('passkey-sign-in')
if (signingIn && supported) {
  signingIn.hidden = false
  const form = document.getElementById('passkey-sign-in-form')
  form.addEventListener('submit', async event => {
    event.preventDefault()
    clearError(null)
    try {
      await authenticate(form)
      window.location.assign('/home')
    } catch (error) {
      showError('Your passkey was not accepted. Try again, or enter a code from your authenticator app')
    }
  })
}
