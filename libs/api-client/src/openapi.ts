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
        /**
         * Create a practice and its owner (only when ALLOW_SIGNUP=true)
         * @description An email that already has an account gets the same 201 (with ids that name nothing) and nothing is created: signup does not tell strangers which emails have accounts.
         */
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
        /**
         * Password step: a token pair, or {mfaRequired, mfaToken} when the account has MFA
         * @description An unknown email, a wrong password and a deactivated account all answer 401 invalid_credentials; a locked account answers 423 only to the right password.
         */
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
        /**
         * Start TOTP enrolment
         * @description A new secret each call (the previous pending one is replaced); POST /v1/auth/mfa/enable finishes.
         */
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
        /**
         * Finish enrolment: recovery codes and a token pair for a session that passed MFA
         * @description The session that called is ended; use the new pair from now on.
         */
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
        /**
         * Set the password of an invited user with the invitation token
         * @description 400 invalid_invite: unknown, used or expired token; 410 invite_revoked: withdrawn because the account changed since (ask for a new one).
         */
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
        /**
         * Add a staff user, with a password or an invitation token (returned once)
         * @description Only an owner may add an owner (403 owner_protected). Emails are unique across the deployment.
         */
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
        /** One staff user */
        get: operations["UsersController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change role and/or active; effective on the next request of that user
         * @description Deactivating ends every session of the user and withdraws the invitations they were sent or issued. Nobody changes their own role or deactivates themselves (409); only an owner changes an owner or grants the owner role (403).
         */
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
        /**
         * A new invitation token (returned once) for a user without a password; earlier ones stop working
         * @description 409 invite_not_needed: the user has a password; user_inactive: reactivate them first; email_taken: another account now holds the email.
         */
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
        /** A user's live sessions */
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
        /** End one session of the user */
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
        /** The practice's settings (defaults for what was never set) */
        get: operations["PracticeController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Idle logoff (minutes), MFA for all roles, and the patient pages: secure link lifetime (days, default 14), date of birth check, brand colour, logo (data: URI)
         * @description Only the fields given change (null clears the colour or the logo). A new idle timeout applies to live sessions from their next request.
         */
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
        /**
         * Audit events, newest first (keyset cursor)
         * @description The filters combine (all must hold); a query parameter not listed here is refused (400). Reading the trail is itself audited (audit.read).
         */
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
        /**
         * Every event in the window, oldest first, as NDJSON with its links (seq, prevHash, hash, keyId), verifiable offline: npm run audit -- verify-export
         * @description The chain is sealed first, so the file is a consistent prefix of it. A query parameter not listed here is refused (400). Exporting is itself audited (audit.exported).
         */
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
                    /**
                     * @description 12 to 256 characters (counted after Unicode NFKC normalization); not a common password (also with digits for letters or digits and symbols appended), not one short pattern repeated, and not containing the email address of the account or its name part
                     * @example correct horse battery staple
                     */
                    password: string;
                };
            };
        };
        responses: {
            /** @description The practice and its owner (sign in next) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        practiceId: string;
                        /** Format: uuid */
                        userId: string;
                    };
                };
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
            /** @description signup_disabled */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "signup_disabled";
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
            /** @description rate_limited: more than 30 requests per 60 s from one client address to one route; the Retry-After header says how many seconds to wait */
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
            /** @description Signed in, or the MFA step follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        tokenType: "Bearer";
                        /** @description JWT for `Authorization: Bearer` */
                        accessToken: string;
                        /** @description Single use: POST /v1/auth/refresh swaps it for a new pair; a spent one presented again ends the session */
                        refreshToken: string;
                        /**
                         * @description Seconds until the access token expires
                         * @example 900
                         */
                        expiresIn: number;
                        /**
                         * @description Present when the session may only reach /v1/me and /v1/auth/* until the user enrols in MFA (POST /v1/auth/mfa/setup, then /v1/auth/mfa/enable)
                         * @constant
                         */
                        mfaEnrollmentRequired?: true;
                    } | {
                        /** @constant */
                        mfaRequired: true;
                        /** @description Send it with a code to POST /v1/auth/mfa within 5 minutes */
                        mfaToken: string;
                    };
                };
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
            /** @description invalid_credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_credentials";
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
            /** @description account_locked: 5 failed attempts lock the account for 15 minutes; the Retry-After header says how many seconds are left */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "account_locked";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description rate_limited: more than 30 requests per 60 s from one client address to one route; the Retry-After header says how many seconds to wait */
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
                    /**
                     * @description A 6-digit code from the authenticator app, or a recovery code (case, spaces and dashes do not matter)
                     * @example 492039
                     */
                    code: string;
                };
            };
        };
        responses: {
            /** @description Signed in */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        tokenType: "Bearer";
                        /** @description JWT for `Authorization: Bearer` */
                        accessToken: string;
                        /** @description Single use: POST /v1/auth/refresh swaps it for a new pair; a spent one presented again ends the session */
                        refreshToken: string;
                        /**
                         * @description Seconds until the access token expires
                         * @example 900
                         */
                        expiresIn: number;
                        /**
                         * @description Present when the session may only reach /v1/me and /v1/auth/* until the user enrols in MFA (POST /v1/auth/mfa/setup, then /v1/auth/mfa/enable)
                         * @constant
                         */
                        mfaEnrollmentRequired?: true;
                    };
                };
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
            /** @description invalid_mfa_code, invalid_mfa_token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_mfa_code" | "invalid_mfa_token";
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
            /** @description account_locked: 5 failed attempts lock the account for 15 minutes; the Retry-After header says how many seconds are left */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "account_locked";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description rate_limited: more than 30 requests per 60 s from one client address to one route; the Retry-After header says how many seconds to wait */
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
                    /** @description The refreshToken of the last pair (single use) */
                    refreshToken: string;
                };
            };
        };
        responses: {
            /** @description A new pair (the refresh token sent is now spent) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        tokenType: "Bearer";
                        /** @description JWT for `Authorization: Bearer` */
                        accessToken: string;
                        /** @description Single use: POST /v1/auth/refresh swaps it for a new pair; a spent one presented again ends the session */
                        refreshToken: string;
                        /**
                         * @description Seconds until the access token expires
                         * @example 900
                         */
                        expiresIn: number;
                        /**
                         * @description Present when the session may only reach /v1/me and /v1/auth/* until the user enrols in MFA (POST /v1/auth/mfa/setup, then /v1/auth/mfa/enable)
                         * @constant
                         */
                        mfaEnrollmentRequired?: true;
                    };
                };
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
            /** @description invalid_refresh_token, refresh_token_reused, session_expired, session_revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_refresh_token" | "refresh_token_reused" | "session_expired" | "session_revoked";
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
            /** @description rate_limited: more than 30 requests per 60 s from one client address to one route; the Retry-After header says how many seconds to wait */
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
            /** @description The session is over; its tokens no longer work */
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
            /** @description rate_limited: more than 30 requests per 60 s from one client address to one route; the Retry-After header says how many seconds to wait */
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
            /** @description The secret to put in an authenticator app */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Base32 TOTP secret, for apps that cannot scan the URL */
                        secret: string;
                        /** @description otpauth:// URL to show as a QR code */
                        otpauthUrl: string;
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
            /** @description mfa_already_enabled */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "mfa_already_enabled";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description rate_limited: more than 30 requests per 60 s from one client address to one route; the Retry-After header says how many seconds to wait */
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
                    /**
                     * @description The current code of the authenticator app
                     * @example 492039
                     */
                    code: string;
                };
            };
        };
        responses: {
            /** @description MFA is on */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description 10 single-use codes for POST /v1/auth/mfa when the phone is lost; shown once */
                        recoveryCodes: string[];
                        /** @constant */
                        tokenType: "Bearer";
                        /** @description JWT for `Authorization: Bearer` */
                        accessToken: string;
                        /** @description Single use: POST /v1/auth/refresh swaps it for a new pair; a spent one presented again ends the session */
                        refreshToken: string;
                        /**
                         * @description Seconds until the access token expires
                         * @example 900
                         */
                        expiresIn: number;
                        /**
                         * @description Present when the session may only reach /v1/me and /v1/auth/* until the user enrols in MFA (POST /v1/auth/mfa/setup, then /v1/auth/mfa/enable)
                         * @constant
                         */
                        mfaEnrollmentRequired?: true;
                    };
                };
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
            /** @description mfa_already_enabled, mfa_setup_required */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "mfa_already_enabled" | "mfa_setup_required";
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
            /** @description invalid_mfa_code */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_mfa_code";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description rate_limited: more than 30 requests per 60 s from one client address to one route; the Retry-After header says how many seconds to wait */
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
                    /** @description The invitation token an admin was given */
                    token: string;
                    /**
                     * @description 12 to 256 characters (counted after Unicode NFKC normalization); not a common password (also with digits for letters or digits and symbols appended), not one short pattern repeated, and not containing the email address of the account or its name part
                     * @example correct horse battery staple
                     */
                    password: string;
                };
            };
        };
        responses: {
            /** @description The password is set; the user can sign in */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        userId: string;
                    };
                };
            };
            /** @description invalid_invite, bad_request, validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "bad_request" | "invalid_invite" | "validation_failed";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description invite_revoked */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invite_revoked";
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
            /** @description rate_limited: more than 30 requests per 60 s from one client address to one route; the Retry-After header says how many seconds to wait */
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
            /** @description Who is calling, and whether they must enrol in MFA first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        email: string;
                        name: string;
                        /**
                         * @description Staff role (see GET /v1/me/permissions for what it allows)
                         * @enum {string}
                         */
                        role: "owner" | "admin" | "provider" | "front_desk" | "billing";
                        /** Format: uuid */
                        practiceId: string;
                        mfaEnabled: boolean;
                        /** @description True while this session may only reach /v1/me and /v1/auth/* (enrol in MFA first) */
                        mfaEnrollmentRequired: boolean;
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
            /** @description The role and its permissions */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description Staff role (see GET /v1/me/permissions for what it allows)
                         * @enum {string}
                         */
                        role: "owner" | "admin" | "provider" | "front_desk" | "billing";
                        permissions: ("users.read" | "users.manage" | "practice.settings" | "audit.read" | "channels.manage" | "conversations.read" | "conversations.read_assigned" | "conversations.reply" | "conversations.assign" | "contacts.read" | "contacts.write" | "consent.record")[];
                        /** @description True while this session may only reach /v1/me and /v1/auth/* (enrol in MFA first) */
                        mfaEnrollmentRequired: boolean;
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
            /** @description Most recently active first; `current` marks this one */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Live sessions (not ended, not expired) */
                        data: {
                            /** Format: uuid */
                            id: string;
                            /** @description True for the caller's own session */
                            current: boolean;
                            /**
                             * @description Whether the session passed MFA, needed none, or may only enrol
                             * @enum {string}
                             */
                            mfa: "passed" | "not_required" | "enrollment_required";
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            lastSeenAt: string;
                            /**
                             * Format: date-time
                             * @description Absolute end of the session, however active
                             */
                            expiresAt: string;
                            ip: string | null;
                            userAgent: string | null;
                        }[];
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
        };
    };
    MeController_revokeSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The session's id (any other value answers 404 not_found) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ended; its tokens no longer work */
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
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "not_found";
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
            /** @description Every staff user: active ones first, then by name */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            /** Format: uuid */
                            id: string;
                            /** @description As the user gave it (sign-in compares it case-insensitively) */
                            email: string;
                            name: string;
                            /**
                             * @description Staff role (see GET /v1/me/permissions for what it allows)
                             * @enum {string}
                             */
                            role: "owner" | "admin" | "provider" | "front_desk" | "billing";
                            /** @description False once deactivated: no sign-in, every session ended */
                            active: boolean;
                            mfaEnabled: boolean;
                            /** @description True until an invited user sets a password */
                            invitePending: boolean;
                            lastLoginAt: string | null;
                            /** Format: date-time */
                            createdAt: string;
                        }[];
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
                    /**
                     * @description Omit to get an invitation token to hand to the user instead
                     * @example correct horse battery staple
                     */
                    password?: string;
                };
            };
        };
        responses: {
            /** @description The user, and its invitation when no password was given */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** @description As the user gave it (sign-in compares it case-insensitively) */
                        email: string;
                        name: string;
                        /**
                         * @description Staff role (see GET /v1/me/permissions for what it allows)
                         * @enum {string}
                         */
                        role: "owner" | "admin" | "provider" | "front_desk" | "billing";
                        /** @description False once deactivated: no sign-in, every session ended */
                        active: boolean;
                        mfaEnabled: boolean;
                        /** @description True until an invited user sets a password */
                        invitePending: boolean;
                        lastLoginAt: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /**
                         * @description Present when the user was created without a password
                         * @example {
                         *       "token": "inv_b7a1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d.8d2e4b6a-1c3f-4e5d-a7b9-0c1d2e3f4a5b.Q2hhbmdlIG1lIHRvIGEgcmVhbCB0b2tlbg",
                         *       "expiresAt": "2026-03-02T14:05:09.000Z"
                         *     }
                         */
                        invite?: {
                            /** @description Hand it to the user: POST /v1/auth/invites/accept sets their password */
                            token: string;
                            /** Format: date-time */
                            expiresAt: string;
                        };
                    };
                };
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
            /** @description forbidden, mfa_enrollment_required, owner_protected */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden" | "mfa_enrollment_required" | "owner_protected";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description email_taken */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "email_taken";
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
                /** @description The user's id (any other value answers 404 not_found) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The user */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** @description As the user gave it (sign-in compares it case-insensitively) */
                        email: string;
                        name: string;
                        /**
                         * @description Staff role (see GET /v1/me/permissions for what it allows)
                         * @enum {string}
                         */
                        role: "owner" | "admin" | "provider" | "front_desk" | "billing";
                        /** @description False once deactivated: no sign-in, every session ended */
                        active: boolean;
                        mfaEnabled: boolean;
                        /** @description True until an invited user sets a password */
                        invitePending: boolean;
                        lastLoginAt: string | null;
                        /** Format: date-time */
                        createdAt: string;
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
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "not_found";
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
                /** @description The user's id (any other value answers 404 not_found) */
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
            /** @description The user as changed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** @description As the user gave it (sign-in compares it case-insensitively) */
                        email: string;
                        name: string;
                        /**
                         * @description Staff role (see GET /v1/me/permissions for what it allows)
                         * @enum {string}
                         */
                        role: "owner" | "admin" | "provider" | "front_desk" | "billing";
                        /** @description False once deactivated: no sign-in, every session ended */
                        active: boolean;
                        mfaEnabled: boolean;
                        /** @description True until an invited user sets a password */
                        invitePending: boolean;
                        lastLoginAt: string | null;
                        /** Format: date-time */
                        createdAt: string;
                    };
                };
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
            /** @description forbidden, mfa_enrollment_required, owner_protected */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden" | "mfa_enrollment_required" | "owner_protected";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "not_found";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description cannot_change_own_role, cannot_deactivate_self */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "cannot_change_own_role" | "cannot_deactivate_self";
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
                /** @description The user's id (any other value answers 404 not_found) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The invitation (its token is not stored, only its hash) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Hand it to the user: POST /v1/auth/invites/accept sets their password */
                        token: string;
                        /** Format: date-time */
                        expiresAt: string;
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
            /** @description forbidden, mfa_enrollment_required, owner_protected */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden" | "mfa_enrollment_required" | "owner_protected";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "not_found";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description email_taken, invite_not_needed, user_inactive */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "email_taken" | "invite_not_needed" | "user_inactive";
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
                /** @description The user's id (any other value answers 404 not_found) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Most recently active first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Live sessions (not ended, not expired) */
                        data: {
                            /** Format: uuid */
                            id: string;
                            /** @description True for the caller's own session */
                            current: boolean;
                            /**
                             * @description Whether the session passed MFA, needed none, or may only enrol
                             * @enum {string}
                             */
                            mfa: "passed" | "not_required" | "enrollment_required";
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            lastSeenAt: string;
                            /**
                             * Format: date-time
                             * @description Absolute end of the session, however active
                             */
                            expiresAt: string;
                            ip: string | null;
                            userAgent: string | null;
                        }[];
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
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "not_found";
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
                /** @description The user's id (any other value answers 404 not_found) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ended (none live is not an error) */
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
            /** @description forbidden, mfa_enrollment_required, owner_protected */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden" | "mfa_enrollment_required" | "owner_protected";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "not_found";
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
                /** @description The user's id (any other value answers 404 not_found) */
                id: string;
                /** @description The session's id (any other value answers 404 not_found) */
                sessionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ended */
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
            /** @description forbidden, mfa_enrollment_required, owner_protected */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden" | "mfa_enrollment_required" | "owner_protected";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "not_found";
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
            /** @description The settings */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Automatic logoff after this much inactivity */
                        idleTimeoutMinutes: number;
                        /** @description MFA for every role, not only owner and admin (who always need it) */
                        mfaRequiredForAllRoles: boolean;
                        /** @description Lifetime of a patient secure link, in days */
                        secureLinkDays: number;
                        /** @description Patient pages ask for the date of birth besides the one-time code (when on file) */
                        portalRequireDateOfBirth: boolean;
                        /** @description Accent colour of the patient pages (#rrggbb); null for the default */
                        portalBrandColor: string | null;
                        /** @description Logo of the patient pages as a data: image URI; null for none */
                        portalLogoDataUri: string | null;
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
            /** @description The settings as changed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Automatic logoff after this much inactivity */
                        idleTimeoutMinutes: number;
                        /** @description MFA for every role, not only owner and admin (who always need it) */
                        mfaRequiredForAllRoles: boolean;
                        /** @description Lifetime of a patient secure link, in days */
                        secureLinkDays: number;
                        /** @description Patient pages ask for the date of birth besides the one-time code (when on file) */
                        portalRequireDateOfBirth: boolean;
                        /** @description Accent colour of the patient pages (#rrggbb); null for the default */
                        portalBrandColor: string | null;
                        /** @description Logo of the patient pages as a data: image URI; null for none */
                        portalLogoDataUri: string | null;
                    };
                };
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
                /** @description The conversation's id (any other value answers 404 not_found) */
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
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "not_found";
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
                /** @description The message's id (any other value answers 404 not_found) */
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
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "not_found";
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
                /** @description The contact's id (any other value answers 404 not_found) */
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
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "not_found";
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
                /** @description The contact's id (any other value answers 404 not_found) */
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
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "not_found";
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
                /** @description The contact's id (any other value answers 404 not_found) */
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
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "not_found";
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
                /** @description The contact's id (any other value answers 404 not_found) */
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
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "not_found";
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
                /** @description The contact's id (any other value answers 404 not_found) */
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
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "not_found";
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
                /** @description The message's id (any other value answers 404 not_found) */
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
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "not_found";
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
            /** @description A page of events */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Newest first */
                        data: {
                            /** Format: uuid */
                            id: string;
                            /** @description Position in the practice’s chain (1, 2, 3, …) */
                            seq: number;
                            /** Format: date-time */
                            occurredAt: string;
                            actor: {
                                /** @enum {string} */
                                type: "user" | "patient" | "provider" | "system";
                                /** @description A user id, a contact id, a provider name or a system job */
                                id: string;
                            };
                            /** @description Dotted verb, e.g. auth.login, user.created, audit.read */
                            action: string;
                            /** @enum {string} */
                            outcome: "success" | "failure" | "denied";
                            ip: string | null;
                            userAgent: string | null;
                            /** @description Ids, counts and reasons; never PHI */
                            metadata: {
                                [key: string]: string | number | boolean | null;
                            };
                            target: {
                                type: string;
                                id: string;
                            } | null;
                        }[];
                        /** @description Pass as `cursor` for the next (older) page; null on the last page */
                        nextCursor: string | null;
                    };
                };
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
            /** @description valid, or the first event whose link does not hold (an altered, forged, reordered or deleted row) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        valid: boolean;
                        /** @description Events walked (up to and including the first broken one) */
                        checked: number;
                        /**
                         * Format: uuid
                         * @description The first event whose link does not hold
                         */
                        firstBrokenId?: string;
                        /** @description The broken event names an audit key this server does not hold (configure it to verify) */
                        unknownKeyId?: string;
                        /** @description Events sealed before the chain was keyed: intact, but not proof against a database owner */
                        legacyEvents?: number;
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
            /** @description NDJSON: one event per line, each an object of the schema in `x-line-schema` */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /** @example {"tenantId":"b7a1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d","id":"5e0c7a3b-2d4f-4b1a-9c8e-7f6a5b4c3d2e","seq":42,"occurredAt":"2026-03-02T14:05:09.000Z","actor":{"type":"user","id":"3f1c9a52-6b1e-4d4f-9c47-2a8e5d0b7c11"},"action":"user.role_changed","target":{"type":"user","id":"9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"},"outcome":"success","ip":"203.0.113.7","userAgent":"Mozilla/5.0","metadata":{"from":"front_desk","to":"admin"},"prevHash":"9f2c9f2c9f2c9f2c9f2c9f2c9f2c9f2c9f2c9f2c9f2c9f2c9f2c9f2c9f2c9f2c","hash":"4b7e4b7e4b7e4b7e4b7e4b7e4b7e4b7e4b7e4b7e4b7e4b7e4b7e4b7e4b7e4b7e","keyId":"0123456789abcdef"} */
                    "application/x-ndjson": string;
                };
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
                /** @description The conversation's id (any other value answers 404 not_found) */
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
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "not_found";
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
                /** @description The conversation's id (any other value answers 404 not_found) */
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
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "not_found";
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
                /** @description The conversation's id (any other value answers 404 not_found) */
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
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "not_found";
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
                /** @description The conversation's id (any other value answers 404 not_found) */
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
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "not_found";
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
                /** @description The conversation's id (any other value answers 404 not_found) */
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
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "not_found";
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
                /** @description The contact's id (any other value answers 404 not_found) */
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
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "not_found";
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
                /** @description The contact's id (any other value answers 404 not_found) */
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
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "not_found";
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
                /** @description The contact's id (any other value answers 404 not_found) */
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
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "not_found";
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
                /** @description The canned response's id (any other value answers 404 not_found) */
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
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "not_found";
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
                /** @description The canned response's id (any other value answers 404 not_found) */
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
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "not_found";
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
                /** @description The canned response's id (any other value answers 404 not_found) */
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
            /** @description not_found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "not_found";
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
