/**
 * Messages to people: each a GOV.UK Notify template with its personalisation, queued by the module whose event
 * causes it, in that event's transaction, once per event. With a Notify key the sending worker sends them and
 * Notify's delivery receipts say what became of them; without one every message is kept and shown to administrators
 * at {@code /admin/messages} (docs/messages.md).
 */
package org.workhealth.notification;
