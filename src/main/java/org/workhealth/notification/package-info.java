/**
 * Messages to people: each a GOV.UK Notify template with its personalisation, queued by the module whose event
 * causes it, in that event's transaction, once per event. Sending through Notify is still to come: until then every
 * message is kept and shown to administrators at {@code /admin/messages}, as the embedded default will keep doing
 * when no Notify key is set.
 */
package org.workhealth.notification;
