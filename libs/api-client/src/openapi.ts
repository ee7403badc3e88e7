// Generated from docs/openapi.json by `npm run openapi` (openapi-typescript). Do not edit.

export interface paths {
    "/v1/auth/signup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create a practice and its owner (only when ALLOW_SIGNUP=true); an email that has an account gets the same 201 and nothing is created */
        post: operations["AuthController_signup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Password step: tokens, or {mfaRequired, mfaToken}; 401 invalid_credentials; 423 account_locked (right password only) */
        post: operations["AuthController_login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/mfa": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** MFA step: a TOTP code (single use) or a recovery code (single use) */
        post: operations["AuthController_mfa"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rotate the refresh token; reusing a spent one ends the session */
        post: operations["AuthController_refresh"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End the current session */
        post: operations["AuthController_logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/mfa/setup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start TOTP enrolment: {secret, otpauthUrl} */
        post: operations["AuthController_mfaSetup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/mfa/enable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Finish enrolment: recovery codes and a token pair for a session that passed MFA */
        post: operations["AuthController_mfaEnable"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/invites/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set the password of an invited user with the invitation token */
        post: operations["AuthController_acceptInvite"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user */
        get: operations["MeController_me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/permissions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What the caller's role allows (answered from the session, no database read) */
        get: operations["MeController_permissions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My live sessions */
        get: operations["MeController_sessions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/sessions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** End one of my sessions */
        delete: operations["MeController_revokeSession"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Staff of the practice */
        get: operations["UsersController_list"];
        put?: never;
        /** Add a staff user, with a password or an invitation token (returned once) */
        post: operations["UsersController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["UsersController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change role and/or active; effective on the next request of that user */
        patch: operations["UsersController_update"];
        trace?: never;
    };
    "/v1/users/{id}/invite": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A new invitation token (returned once) for a user without a password; earlier ones stop working */
        post: operations["UsersController_invite"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/{id}/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["UsersController_sessions"];
        put?: never;
        post?: never;
        /** End every session of the user */
        delete: operations["UsersController_revokeAll"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/{id}/sessions/{sessionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: operations["UsersController_revokeOne"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/practice/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["PracticeController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Idle logoff (minutes), MFA for all roles, and the patient pages: secure link lifetime (days, default 14), date of birth check, brand colour, logo (data: URI) */
        patch: operations["PracticeController_update"];
        trace?: never;
    };
    "/v1/channels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Live channels of the practice */
        get: operations["ChannelsController_list"];
        put?: never;
        /** Add a channel; answers the webhook URLs to configure at the provider */
        post: operations["ChannelsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/channels/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ChannelsController_get"];
        put?: never;
        post?: never;
        /** Soft delete: inbound webhooks stop routing to it; its messages stay */
        delete: operations["ChannelsController_remove"];
        options?: never;
        head?: never;
        /** Rename, change the number or rotate the auth token */
        patch: operations["ChannelsController_update"];
        trace?: never;
    };
    "/webhooks/twilio/{channelId}/inbound": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Inbound SMS/MMS (Twilio Messaging webhook); the same MessageSid twice stores one message */
        post: operations["TwilioWebhooksController_inbound"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/twilio/{channelId}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Message status callback (Twilio StatusCallback); statuses only move forward */
        post: operations["TwilioWebhooksController_status"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/sendgrid/{channelId}/inbound/{secret}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Inbound Parse (multipart, or raw MIME in `email`); the same Message-ID twice stores one message */
        post: operations["SendGridWebhooksController_inboundParse"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/sendgrid/{channelId}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Event Webhook batch, ECDSA-signed (channel with eventWebhookPublicKey); each sg_event_id applies once, statuses only move forward */
        post: operations["SendGridWebhooksController_signedEventBatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/sendgrid/{channelId}/events/{secret}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Event Webhook batch for a channel without a public key: the URL carries the channel’s events secret */
        post: operations["SendGridWebhooksController_eventBatchWithSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/conversations/{id}/replies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reply through the consent gate
         * @description Plain SMS/email only with consent for that exact address; otherwise a secure message with a PHI-free link notice; a live website chat is answered in the chat. 409 recipient_opted_out, 422 no_reachable_address.
         */
        post: operations["RepliesController_reply"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/messages/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Delivery state of a message (no body) */
        get: operations["RepliesController_message"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contacts/{id}/consents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Current consent per channel + address, and the full history (newest first) */
        get: operations["ConsentsController_consents"];
        put?: never;
        /** Record consent the patient gave verbally or in writing (attested by you) */
        post: operations["ConsentsController_record"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contacts/{id}/consent-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a PHI-free consent request (SMS: YES/NO + link; email: link) */
        post: operations["ConsentsController_request"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contacts/{id}/consents/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke consent for a channel + address (plain delivery stops at once) */
        post: operations["ConsentsController_revoke"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contacts/{id}/email-suppression/lift": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Lift the suppression of the contact's email address (set by a hard bounce, drop, spam report or unsubscribe) once it works again; 409 not_suppressed otherwise */
        post: operations["ConsentsController_liftEmailSuppression"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/messages/{id}/secure-link/retract": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Retract an unread secure message
         * @description Its links stop working at once (the patient sees the neutral "link not available" page) and it leaves the patient thread. 409 already_read once the patient has read it; 404 for anything but a secure message.
         */
        post: operations["SecureLinksController_retract"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Audit events, newest first (keyset cursor) */
        get: operations["AuditEventsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit-events/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Walk the keyed hash chain page by page; report the first broken link */
        get: operations["AuditEventsController_verify"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit-events/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every event in the window, oldest first, as NDJSON with its links (seq, prevHash, hash, keyId), verifiable offline: npm run audit -- verify-export */
        get: operations["AuditEventsController_export"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["HealthController_live"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["HealthController_ready"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/public/forms/{formKey}/submissions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Submit a web form: a new lead contact and its conversation (an address another contact holds is kept as an unproven claim, flagged for staff). A ticked consent box sends a consent request to that address; consent is granted only by the answer from it. JSON only; the hidden honeypot field `website` must stay empty. */
        post: operations["PublicFormsController_submit"];
        delete?: never;
        /** CORS preflight: allowed only for the form’s allowed origins */
        options: operations["PublicFormsController_preflight"];
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/public/chat/{widgetKey}/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start a chat session; the token (shown once) authenticates the visitor */
        post: operations["PublicChatController_start"];
        delete?: never;
        /** CORS preflight for starting a chat (allowed origins of the widget only) */
        options: operations["PublicChatController_sessionPreflight"];
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/public/chat/sessions/{sessionId}/{resource}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        /** CORS preflight for a session (allowed origins of its widget only) */
        options: operations["PublicChatController_sessionResourcePreflight"];
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/public/chat/sessions/{sessionId}/verification/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm the code (Bearer sessionToken): the visitor proved the address; a claim of a contact that holds it joins that contact, and the chat may receive its replies. Single use, 10 minutes; 5 wrong codes lock it */
        post: operations["PublicChatController_confirmCode"];
        delete?: never;
        /** CORS preflight for confirming a code (allowed origins of the widget only) */
        options: operations["PublicChatController_confirmPreflight"];
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/public/chat/sessions/{sessionId}/verification": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a one-time code (Bearer sessionToken) to the phone or email the visitor typed, to prove it is theirs; the code text carries the practice name and the code only */
        post: operations["PublicChatController_requestCode"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/public/chat/sessions/{sessionId}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The session’s messages in order, after the given message id (Bearer sessionToken) */
        get: operations["PublicChatController_list"];
        put?: never;
        /** Visitor message (Bearer sessionToken); lands in the inbox as channel chat */
        post: operations["PublicChatController_send"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/public/chat/sessions/{sessionId}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** SSE: staff replies (and the visitor’s own messages) as they are stored (Bearer sessionToken); ends at the session’s idle expiry */
        get: operations["PublicChatController_events"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/chat/widget.js": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The chat widget: <script src=".../chat/widget.js" data-widget-key="cw_..."> */
        get: operations["ChatWidgetController_widget"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/chat/demo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Demo page embedding the widget (add this API’s origin to the widget’s allowedOrigins) */
        get: operations["ChatWidgetController_demo"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/conversations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Inbox page, newest activity first (lastMessageAt desc, id desc), keyset cursor; status defaults to all. `unread=true`: newer messages than the caller has read. No counts here: see /v1/conversations/counts */
        get: operations["ConversationsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/conversations/counts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Conversations per status, and not-closed ones per assignee (maintained counters) */
        get: operations["ConversationsController_counts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/conversations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A conversation with its contact and the lead source (audited PHI read) */
        get: operations["ConversationsController_detail"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Status (snooze with snoozedUntil: reopens then), assignee (active staff of the practice; needs conversations.assign), priority, tags (replaces), lead stage (of the contact) */
        patch: operations["ConversationsController_update"];
        trace?: never;
    };
    "/v1/conversations/{id}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Messages and notes, newest first, keyset cursor (audited PHI read) */
        get: operations["ConversationsController_messages"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/conversations/{id}/notes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Internal note: visible to staff in the thread, never sent to the patient */
        post: operations["ConversationsController_addNote"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/conversations/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark read by the caller up to the newest message ("unread" is per user) */
        post: operations["ConversationsController_markRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contacts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Exact search by one of phone, email or name (normalized, via blind index); keyset cursor */
        get: operations["ContactsController_search"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contacts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A contact (audited PHI read); a merged one names the contact it was merged into */
        get: operations["ContactsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Edit name, email, phone, date of birth, lead stage (null clears) */
        patch: operations["ContactsController_update"];
        trace?: never;
    };
    "/v1/contacts/{id}/merge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Merge otherContactId into this contact: conversations, messages and chat sessions move, consent records are copied (append-only); two open conversations become one; in one transaction, audited */
        post: operations["ContactsController_merge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/canned-responses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The practice’s canned responses, by title */
        get: operations["CannedResponsesController_list"];
        put?: never;
        /** Add a canned response (placeholders: {practiceName}, {staffFirstName}) */
        post: operations["CannedResponsesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/canned-responses/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: operations["CannedResponsesController_remove"];
        options?: never;
        head?: never;
        patch: operations["CannedResponsesController_update"];
        trace?: never;
    };
    "/v1/canned-responses/{id}/render": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The template filled with the practice name and the caller’s first name */
        post: operations["CannedResponsesController_render"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** SSE stream of the practice events (message.created, message.status_changed, ...): ids and kinds only, heartbeat comments every 15 s; the stream ends when the access token expires (reconnect with a fresh one) */
        get: operations["EventsController_stream"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: never;
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    AuthController_signup: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    practiceName: string;
                    name: string;
                    /** Format: email */
                    email: string;
                    password: string;
                };
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description bad_request, validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "bad_request" | "validation_failed";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    AuthController_login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email: string;
                    password: string;
                };
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description bad_request, validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "bad_request" | "validation_failed";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    AuthController_mfa: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    mfaToken: string;
                    code: string;
                };
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description bad_request, validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "bad_request" | "validation_failed";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    AuthController_refresh: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    refreshToken: string;
                };
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description bad_request, validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "bad_request" | "validation_failed";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    AuthController_logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description unauthorized, token_expired, session_expired, session_revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_expired" | "session_revoked" | "token_expired" | "unauthorized";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description mfa_enrollment_required */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "mfa_enrollment_required";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    AuthController_mfaSetup: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description unauthorized, token_expired, session_expired, session_revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_expired" | "session_revoked" | "token_expired" | "unauthorized";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description mfa_enrollment_required */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "mfa_enrollment_required";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    AuthController_mfaEnable: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    code: string;
                };
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description bad_request, validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "bad_request" | "validation_failed";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description unauthorized, token_expired, session_expired, session_revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_expired" | "session_revoked" | "token_expired" | "unauthorized";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description mfa_enrollment_required */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "mfa_enrollment_required";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    AuthController_acceptInvite: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    token: string;
                    password: string;
                };
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description bad_request, validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "bad_request" | "validation_failed";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    MeController_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description unauthorized, token_expired, session_expired, session_revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_expired" | "session_revoked" | "token_expired" | "unauthorized";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description mfa_enrollment_required */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "mfa_enrollment_required";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    MeController_permissions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description unauthorized, token_expired, session_expired, session_revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_expired" | "session_revoked" | "token_expired" | "unauthorized";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description mfa_enrollment_required */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "mfa_enrollment_required";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    MeController_sessions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description unauthorized, token_expired, session_expired, session_revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_expired" | "session_revoked" | "token_expired" | "unauthorized";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description mfa_enrollment_required */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "mfa_enrollment_required";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    MeController_revokeSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description unauthorized, token_expired, session_expired, session_revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_expired" | "session_revoked" | "token_expired" | "unauthorized";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description mfa_enrollment_required */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "mfa_enrollment_required";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    UsersController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description unauthorized, token_expired, session_expired, session_revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_expired" | "session_revoked" | "token_expired" | "unauthorized";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description forbidden, mfa_enrollment_required */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden" | "mfa_enrollment_required";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    UsersController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: email */
                    email: string;
                    name: string;
                    /** @enum {string} */
                    role: "owner" | "admin" | "provider" | "front_desk" | "billing";
                    password?: string;
                };
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description bad_request, validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "bad_request" | "validation_failed";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description unauthorized, token_expired, session_expired, session_revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_expired" | "session_revoked" | "token_expired" | "unauthorized";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description forbidden, mfa_enrollment_required */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden" | "mfa_enrollment_required";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    UsersController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description unauthorized, token_expired, session_expired, session_revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_expired" | "session_revoked" | "token_expired" | "unauthorized";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description forbidden, mfa_enrollment_required */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden" | "mfa_enrollment_required";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    UsersController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    role?: "owner" | "admin" | "provider" | "front_desk" | "billing";
                    active?: boolean;
                };
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description bad_request, validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "bad_request" | "validation_failed";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description unauthorized, token_expired, session_expired, session_revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_expired" | "session_revoked" | "token_expired" | "unauthorized";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description forbidden, mfa_enrollment_required */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden" | "mfa_enrollment_required";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    UsersController_invite: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description unauthorized, token_expired, session_expired, session_revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_expired" | "session_revoked" | "token_expired" | "unauthorized";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description forbidden, mfa_enrollment_required */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden" | "mfa_enrollment_required";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    UsersController_sessions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description unauthorized, token_expired, session_expired, session_revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_expired" | "session_revoked" | "token_expired" | "unauthorized";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description forbidden, mfa_enrollment_required */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden" | "mfa_enrollment_required";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    UsersController_revokeAll: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description unauthorized, token_expired, session_expired, session_revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_expired" | "session_revoked" | "token_expired" | "unauthorized";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description forbidden, mfa_enrollment_required */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden" | "mfa_enrollment_required";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    UsersController_revokeOne: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                sessionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description unauthorized, token_expired, session_expired, session_revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_expired" | "session_revoked" | "token_expired" | "unauthorized";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description forbidden, mfa_enrollment_required */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden" | "mfa_enrollment_required";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    PracticeController_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description unauthorized, token_expired, session_expired, session_revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_expired" | "session_revoked" | "token_expired" | "unauthorized";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description forbidden, mfa_enrollment_required */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden" | "mfa_enrollment_required";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    PracticeController_update: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    idleTimeoutMinutes?: number;
                    mfaRequiredForAllRoles?: boolean;
                    secureLinkDays?: number;
                    portalRequireDateOfBirth?: boolean;
                    portalBrandColor?: string | null;
                    portalLogoDataUri?: string | null;
                };
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description bad_request, validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "bad_request" | "validation_failed";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description unauthorized, token_expired, session_expired, session_revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_expired" | "session_revoked" | "token_expired" | "unauthorized";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description forbidden, mfa_enrollment_required */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden" | "mfa_enrollment_required";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    ChannelsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description unauthorized, token_expired, session_expired, session_revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_expired" | "session_revoked" | "token_expired" | "unauthorized";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description forbidden, mfa_enrollment_required */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden" | "mfa_enrollment_required";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    ChannelsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @constant */
                    type: "sms";
                    name: string;
                    phoneNumber: string;
                    twilioAccountSid: string;
                    twilioAuthToken: string;
                    messagingServiceSid?: string;
                    sendRatePerSecond?: number;
                } | {
                    /** @constant */
                    type: "email";
                    name: string;
                    inboundAddress: string;
                    fromAddress: string;
                    fromName?: string;
                    sendgridApiKey: string;
                    eventWebhookPublicKey?: string;
                } | {
                    /** @constant */
                    type: "webform";
                    name: string;
                    allowedOrigins: string[];
                } | {
                    /** @constant */
                    type: "chat";
                    name: string;
                    allowedOrigins: string[];
                };
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description bad_request, validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "bad_request" | "validation_failed";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description unauthorized, token_expired, session_expired, session_revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_expired" | "session_revoked" | "token_expired" | "unauthorized";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description forbidden, mfa_enrollment_required */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden" | "mfa_enrollment_required";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    ChannelsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description unauthorized, token_expired, session_expired, session_revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_expired" | "session_revoked" | "token_expired" | "unauthorized";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description forbidden, mfa_enrollment_required */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden" | "mfa_enrollment_required";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    ChannelsController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description unauthorized, token_expired, session_expired, session_revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_expired" | "session_revoked" | "token_expired" | "unauthorized";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description forbidden, mfa_enrollment_required */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden" | "mfa_enrollment_required";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    ChannelsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    phoneNumber?: string;
                    twilioAccountSid?: string;
                    twilioAuthToken?: string;
                    messagingServiceSid?: string | null;
                    sendRatePerSecond?: number;
                    eventWebhookPublicKey?: string | null;
                    /** @constant */
                    rotateEventsSecret?: true;
                };
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description bad_request, validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "bad_request" | "validation_failed";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description unauthorized, token_expired, session_expired, session_revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_expired" | "session_revoked" | "token_expired" | "unauthorized";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description forbidden, mfa_enrollment_required */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden" | "mfa_enrollment_required";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    TwilioWebhooksController_inbound: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                channelId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description TwiML: <Response/> or a keyword reply */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description invalid_signature (nothing stored) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description unknown or deleted channel */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description not form-encoded UTF-8 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TwilioWebhooksController_status: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                channelId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Applied, already known, or about a message we do not know */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description invalid_signature (nothing stored) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description unknown or deleted channel */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description not form-encoded UTF-8 */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    SendGridWebhooksController_inboundParse: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Stored, or already stored */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description validation_failed / invalid_multipart (nothing stored) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description invalid_secret (nothing stored) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description unknown or deleted channel */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description not multipart */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    SendGridWebhooksController_signedEventBatch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                channelId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Applied, already known, or about messages we do not know */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description invalid_signature / signature_expired (signed over 10 minutes ago or ahead of our clock) / invalid_secret (the channel authenticates by URL secret) / events_unauthenticated (the channel has neither; PATCH it); nothing applied */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description unknown channel */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    SendGridWebhooksController_eventBatchWithSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                channelId: string;
                secret: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Applied, already known, or about messages we do not know */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description invalid_secret / invalid_signature / signature_expired (a keyed channel still needs its signature); nothing applied */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description unknown channel */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description not JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    RepliesController_reply: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    body: string;
                    /** @enum {string} */
                    channel?: "sms" | "email" | "chat";
                };
            };
        };
        responses: {
            /** @description {messageId, channel, deliveryRoute, routeReason, status} */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description bad_request, validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "bad_request" | "validation_failed";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description unauthorized, token_expired, session_expired, session_revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_expired" | "session_revoked" | "token_expired" | "unauthorized";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description forbidden, mfa_enrollment_required */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden" | "mfa_enrollment_required";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    RepliesController_message: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description unauthorized, token_expired, session_expired, session_revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_expired" | "session_revoked" | "token_expired" | "unauthorized";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description forbidden, mfa_enrollment_required */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden" | "mfa_enrollment_required";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    ConsentsController_consents: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description unauthorized, token_expired, session_expired, session_revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_expired" | "session_revoked" | "token_expired" | "unauthorized";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description forbidden, mfa_enrollment_required */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden" | "mfa_enrollment_required";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    ConsentsController_record: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    channel: "sms" | "email";
                    address?: string;
                    /** @enum {string} */
                    decision: "granted" | "declined";
                    /** @enum {string} */
                    method: "verbal_attested" | "written_attested";
                    attestation: string;
                };
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description bad_request, validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "bad_request" | "validation_failed";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description unauthorized, token_expired, session_expired, session_revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_expired" | "session_revoked" | "token_expired" | "unauthorized";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description forbidden, mfa_enrollment_required */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden" | "mfa_enrollment_required";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    ConsentsController_request: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    channel: "sms" | "email";
                };
            };
        };
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description bad_request, validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "bad_request" | "validation_failed";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description unauthorized, token_expired, session_expired, session_revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_expired" | "session_revoked" | "token_expired" | "unauthorized";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description forbidden, mfa_enrollment_required */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden" | "mfa_enrollment_required";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    ConsentsController_revoke: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    channel: "sms" | "email";
                    address?: string;
                    reason?: string;
                };
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description bad_request, validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "bad_request" | "validation_failed";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description unauthorized, token_expired, session_expired, session_revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_expired" | "session_revoked" | "token_expired" | "unauthorized";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description forbidden, mfa_enrollment_required */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden" | "mfa_enrollment_required";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    ConsentsController_liftEmailSuppression: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description unauthorized, token_expired, session_expired, session_revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_expired" | "session_revoked" | "token_expired" | "unauthorized";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description forbidden, mfa_enrollment_required */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden" | "mfa_enrollment_required";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    SecureLinksController_retract: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description {messageId, retractedAt, linksRetracted} */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description unauthorized, token_expired, session_expired, session_revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_expired" | "session_revoked" | "token_expired" | "unauthorized";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description forbidden, mfa_enrollment_required */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden" | "mfa_enrollment_required";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    AuditEventsController_list: {
        parameters: {
            query?: {
                from?: string;
                to?: string;
                actorId?: string;
                action?: string;
                targetId?: string;
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "validation_failed";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description unauthorized, token_expired, session_expired, session_revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_expired" | "session_revoked" | "token_expired" | "unauthorized";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description forbidden, mfa_enrollment_required */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden" | "mfa_enrollment_required";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    AuditEventsController_verify: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description unauthorized, token_expired, session_expired, session_revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_expired" | "session_revoked" | "token_expired" | "unauthorized";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description forbidden, mfa_enrollment_required */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden" | "mfa_enrollment_required";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    AuditEventsController_export: {
        parameters: {
            query?: {
                from?: string;
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "validation_failed";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description unauthorized, token_expired, session_expired, session_revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_expired" | "session_revoked" | "token_expired" | "unauthorized";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description forbidden, mfa_enrollment_required */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden" | "mfa_enrollment_required";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    HealthController_live: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    HealthController_ready: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description {status: "ok", info: {postgres: {status: "up"}, redis: {status: "up"}, master_key: {status: "up"}}, ...} */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description not_ready; details names each dependency "up" or "down", e.g. {postgres: "down", redis: "up"} */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    PublicFormsController_submit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                formKey: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    email?: string;
                    phone?: string;
                    message?: string;
                    fields?: {
                        [key: string]: string | number | boolean | null;
                    };
                    consent?: {
                        sms?: boolean;
                        email?: boolean;
                        disclosureVersion?: string;
                    };
                    website?: string;
                };
            };
        };
        responses: {
            /** @description {received: true} */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "bad_request" | "validation_failed";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description origin_not_allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description unknown form */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description rate_limited (Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    PublicFormsController_preflight: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                formKey: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Allowed origin */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description origin_not_allowed (no CORS headers) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    PublicChatController_start: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                widgetKey: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    email?: string;
                    phone?: string;
                };
            };
        };
        responses: {
            /** @description {sessionId, sessionToken} */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description bad_request, validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "bad_request" | "validation_failed";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description origin_not_allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description rate_limited (Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    PublicChatController_sessionPreflight: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                widgetKey: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    PublicChatController_sessionResourcePreflight: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                sessionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    PublicChatController_confirmCode: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                sessionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    code: string;
                };
            };
        };
        responses: {
            /** @description {verified: true} */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description invalid_code */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "bad_request" | "validation_failed";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description verification_locked */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    PublicChatController_confirmPreflight: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                sessionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    PublicChatController_requestCode: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                sessionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    channel: "sms" | "email";
                };
            };
        };
        responses: {
            /** @description {sent: true, expiresInSeconds} */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description bad_request, validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "bad_request" | "validation_failed";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description recipient_opted_out / email_suppressed / already_verified */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description no_claimed_address / no_sender_channel */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description verification_locked (too many wrong codes) */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description rate_limited (Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    PublicChatController_list: {
        parameters: {
            query?: {
                after?: string;
            };
            header?: never;
            path: {
                sessionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "validation_failed";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    PublicChatController_send: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                sessionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    body: string;
                };
            };
        };
        responses: {
            /** @description {id, direction, body, createdAt} */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description bad_request, validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "bad_request" | "validation_failed";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description invalid_session / session_expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    PublicChatController_events: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                sessionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description too_many_streams (Retry-After): at most 3 open per session, 20 per client address */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ChatWidgetController_widget: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ChatWidgetController_demo: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ConversationsController_list: {
        parameters: {
            query?: {
                status?: "open" | "pending" | "closed" | "snoozed" | "all";
                channel?: "sms" | "email" | "webform" | "chat" | "portal";
                assignee?: "me" | "unassigned" | string;
                tag?: string;
                unread?: "true" | "false";
                leadStage?: "new" | "contacted" | "scheduled" | "patient" | "lost";
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "validation_failed";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description unauthorized, token_expired, session_expired, session_revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_expired" | "session_revoked" | "token_expired" | "unauthorized";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description mfa_enrollment_required */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "mfa_enrollment_required";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    ConversationsController_counts: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description unauthorized, token_expired, session_expired, session_revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_expired" | "session_revoked" | "token_expired" | "unauthorized";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description mfa_enrollment_required */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "mfa_enrollment_required";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    ConversationsController_detail: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description unauthorized, token_expired, session_expired, session_revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_expired" | "session_revoked" | "token_expired" | "unauthorized";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description mfa_enrollment_required */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "mfa_enrollment_required";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    ConversationsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    status?: "open" | "pending" | "closed" | "snoozed";
                    assigneeId?: string | null;
                    /** @enum {string} */
                    priority?: "low" | "normal" | "high" | "urgent";
                    tags?: string[];
                    leadStage?: ("new" | "contacted" | "scheduled" | "patient" | "lost") | null;
                    /** Format: date-time */
                    snoozedUntil?: string;
                };
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description bad_request, validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "bad_request" | "validation_failed";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description unauthorized, token_expired, session_expired, session_revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_expired" | "session_revoked" | "token_expired" | "unauthorized";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description mfa_enrollment_required */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "mfa_enrollment_required";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    ConversationsController_messages: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "validation_failed";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description unauthorized, token_expired, session_expired, session_revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_expired" | "session_revoked" | "token_expired" | "unauthorized";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description mfa_enrollment_required */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "mfa_enrollment_required";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    ConversationsController_addNote: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    body: string;
                };
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description bad_request, validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "bad_request" | "validation_failed";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description unauthorized, token_expired, session_expired, session_revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_expired" | "session_revoked" | "token_expired" | "unauthorized";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description mfa_enrollment_required */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "mfa_enrollment_required";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    ConversationsController_markRead: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description unauthorized, token_expired, session_expired, session_revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_expired" | "session_revoked" | "token_expired" | "unauthorized";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description mfa_enrollment_required */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "mfa_enrollment_required";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    ContactsController_search: {
        parameters: {
            query?: {
                phone?: string;
                email?: string;
                name?: string;
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "validation_failed";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description unauthorized, token_expired, session_expired, session_revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_expired" | "session_revoked" | "token_expired" | "unauthorized";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description forbidden, mfa_enrollment_required */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden" | "mfa_enrollment_required";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    ContactsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description unauthorized, token_expired, session_expired, session_revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_expired" | "session_revoked" | "token_expired" | "unauthorized";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description forbidden, mfa_enrollment_required */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden" | "mfa_enrollment_required";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    ContactsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string | null;
                    email?: string | null;
                    phone?: string | null;
                    dateOfBirth?: string | null;
                    leadStage?: ("new" | "contacted" | "scheduled" | "patient" | "lost") | null;
                };
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description bad_request, validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "bad_request" | "validation_failed";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description unauthorized, token_expired, session_expired, session_revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_expired" | "session_revoked" | "token_expired" | "unauthorized";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description forbidden, mfa_enrollment_required */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden" | "mfa_enrollment_required";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    ContactsController_merge: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    otherContactId: string;
                };
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description bad_request, validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "bad_request" | "validation_failed";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description unauthorized, token_expired, session_expired, session_revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_expired" | "session_revoked" | "token_expired" | "unauthorized";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description forbidden, mfa_enrollment_required */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden" | "mfa_enrollment_required";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    CannedResponsesController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description unauthorized, token_expired, session_expired, session_revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_expired" | "session_revoked" | "token_expired" | "unauthorized";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description forbidden, mfa_enrollment_required */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden" | "mfa_enrollment_required";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    CannedResponsesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    title: string;
                    body: string;
                };
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description bad_request, validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "bad_request" | "validation_failed";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description unauthorized, token_expired, session_expired, session_revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_expired" | "session_revoked" | "token_expired" | "unauthorized";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description forbidden, mfa_enrollment_required */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden" | "mfa_enrollment_required";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    CannedResponsesController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description unauthorized, token_expired, session_expired, session_revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_expired" | "session_revoked" | "token_expired" | "unauthorized";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description forbidden, mfa_enrollment_required */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden" | "mfa_enrollment_required";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    CannedResponsesController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    title?: string;
                    body?: string;
                };
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description bad_request, validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "bad_request" | "validation_failed";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description unauthorized, token_expired, session_expired, session_revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_expired" | "session_revoked" | "token_expired" | "unauthorized";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description forbidden, mfa_enrollment_required */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden" | "mfa_enrollment_required";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "payload_too_large";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description unsupported_media_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    CannedResponsesController_render: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description unauthorized, token_expired, session_expired, session_revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_expired" | "session_revoked" | "token_expired" | "unauthorized";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description forbidden, mfa_enrollment_required */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden" | "mfa_enrollment_required";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    EventsController_stream: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description unauthorized / token_expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_expired" | "session_revoked" | "token_expired" | "unauthorized";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description mfa_enrollment_required */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "mfa_enrollment_required";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description too_many_streams (Retry-After): at most 5 open per user */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}
