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
    "/v1/auth/password/forgot": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Email a password-reset link (single use, 30 minutes) to a staff account
         * @description Always 202 with no body, in the same time, whether or not the email has an account (nothing is sent for an unknown, inactive or invited account, nor past 3 links per account per hour). The link carries the token in its fragment: `<PUBLIC_BASE_URL>/reset-password#token=...`. A newer request revokes the earlier links.
         */
        post: operations["AuthController_forgotPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/password/reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set a new password with the emailed reset token; every session of the user ends
         * @description 400 invalid_reset_token: unknown, used, replaced by a newer link, or expired. MFA is unchanged: an enrolled user still needs their second factor to sign in.
         */
        post: operations["AuthController_resetPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/mfa/recovery-codes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * New recovery codes, confirmed with a current authenticator code; the old ones stop working
         * @description A wrong code counts towards the lockout like one at the MFA step (422 invalid_mfa_code; 423 once locked).
         */
        post: operations["AuthController_regenerateRecoveryCodes"];
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
    "/v1/me/availability": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Set whether I take new conversations (away: team round-robin skips me)
         * @description Routing rules that assign to a team pass over away and deactivated members; a rule or a colleague assigning me directly still can. Audited when it changes.
         */
        put: operations["MeController_setAvailability"];
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
    "/v1/me/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change my password (the current one required); my other sessions end, this one stays
         * @description 403 invalid_current_password: a wrong current password, which counts towards the lockout like a wrong password at sign-in (5 lock the account: 423 with Retry-After). Rate limited per client address like /v1/auth/*. Emailed reset links stop working.
         */
        post: operations["MeController_changePassword"];
        delete?: never;
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
         * Re-send the invitation: a new token (returned once, and emailed to the user) for a user without a password; earlier ones stop working
         * @description 409 invite_not_needed: the user has a password; user_inactive: reactivate them first; email_taken: another account now holds the email.
         */
        post: operations["UsersController_invite"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/{id}/mfa/reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reset a user's MFA (lost authenticator and recovery codes): they enrol again at next sign-in
         * @description The TOTP secret and recovery codes are removed and every session of the user ends; their next sign-in answers `mfaEnrollmentRequired` whatever their role. Only an owner resets an owner (403 owner_protected); nobody resets their own (409 cannot_reset_own_mfa); 409 mfa_not_enabled when there is nothing to reset.
         */
        post: operations["UsersController_resetMfa"];
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
         * Idle logoff (minutes), MFA for all roles, and the patient pages: secure link lifetime (days, default 14), date of birth check, brand colour, logo (data: URI); how long a closed conversation reopens; the SMS HELP answer
         * @description Only the fields given change (null clears the colour, the logo, the HELP answer or its number). A new idle timeout applies to live sessions from their next request; a new reopen window to the next inbound message.
         */
        patch: operations["PracticeController_update"];
        trace?: never;
    };
    "/v1/practice/business-hours": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The practice's business hours in its time zone (configured: false until set) */
        get: operations["PracticeController_businessHours"];
        /**
         * Replace the business hours: time zone, weekly ranges (several a day), closures (holidays)
         * @description Local wall-clock times in `timeZone`, which becomes the practice time zone (reminder hours use it too). A day left out is closed; ranges of a day may not overlap; `to` may be 24:00; a range crossing midnight is two ranges. A bad zone, time, overlap or date is 400 `validation_failed` naming the field. Until hours are set nothing is after hours.
         */
        put: operations["PracticeController_replaceBusinessHours"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/practice/retention": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How long messages and attachments are kept (null: for ever, the default) */
        get: operations["PracticeController_getRetention"];
        /**
         * Replace the retention of messages and attachments (days, at least 30; null: for ever)
         * @description The worker's retention sweep (hourly) deletes messages older than `messageRetentionDays` and attachments older than `attachmentRetentionDays`, in batches, audited `retention.purged` with counts. It never purges audit events or consent records, a message that is evidence for a consent record or opt-out younger than 6 years, a message a consent request or email suppression names, nor anything under a legal hold (`/v1/legal-holds`). Below 30 days, above 36500, or attachments kept longer than messages is 400 `validation_failed` naming the field. Audited `practice.retention_changed`.
         */
        put: operations["PracticeController_replaceRetention"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
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
        /**
         * Add a channel; answers the webhook URLs to configure at the provider
         * @description One body per `type`: `sms` (Twilio), `email` (SendGrid), `webform`, `chat`. Credentials are stored encrypted and never answered; an email channel’s answer is the only one carrying its URL secrets.
         */
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
        /** One live channel */
        get: operations["ChannelsController_get"];
        put?: never;
        post?: never;
        /** Soft delete: inbound webhooks stop routing to it; its messages stay */
        delete: operations["ChannelsController_remove"];
        options?: never;
        head?: never;
        /**
         * Rename, change the number or rotate the auth token
         * @description Each channel type takes its own fields and refuses the others (400 validation_failed naming them): SMS its number, account, token, messaging service and send rate; email its Event Webhook key or a new events secret; web forms and chat widgets their name and allowed origins.
         */
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
         * @description Plain SMS/email only with consent for that exact address; otherwise a secure message with a PHI-free link notice; a live website chat is answered in the chat. Refused (nothing stored): 409 recipient_opted_out or email_suppressed; 422 no_reachable_address, no_sender_channel, body_too_long.
         */
        post: operations["RepliesController_reply"];
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
        /**
         * Inbox page, newest activity first
         * @description Sorted by lastMessageAt desc, id desc, with a keyset cursor; status defaults to all. `unread=true`: newer messages than the caller has read. Billing staff see only conversations tagged billing or assigned to them. No counts here: see /v1/conversations/counts. Audited PHI read.
         */
        get: operations["ConversationsController_list"];
        put?: never;
        /**
         * Write first (outreach): a message to a contact, through the consent gate
         * @description Into the contact's active conversation, else one reopened or started for it; then exactly as a reply: plain only with consent for that exact address, otherwise a PHI-free notice with a secure link. Refused (nothing stored, no conversation started): 404 for an unknown or merged contact; 409 recipient_opted_out or email_suppressed; 422 no_reachable_address, no_sender_channel, body_too_long.
         */
        post: operations["RepliesController_start"];
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
        /** Delivery state of a message (no body: not a PHI read) */
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
        /** Current consent per channel + address, the full history (newest first), and the standing SMS opt-out and email suppression of the addresses on file (shown even when no consent was ever recorded) */
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
        /**
         * Send a PHI-free consent request (SMS: YES/NO + link; email: link)
         * @description One live request per contact and channel (409 consent_request_live), a few a day (429 consent_request_rate_limited); never to a number that opted out (409 recipient_opted_out).
         */
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
        /**
         * Lift the suppression of the contact's email address (set by a hard bounce, drop, spam report or unsubscribe) once it works again
         * @description 409 not_suppressed when it is not suppressed; 422 no_reachable_address when the contact has no email.
         */
        post: operations["ConsentsController_liftEmailSuppression"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/s/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Secure message page: the identity check, or the thread once verified
         * @description Without a verified session (the portal_session cookie for this link): the identity check (ask for a code, enter it, and the date of birth when the practice requires it). With one: the thread, a reply form and the attachments. Opening never sends or changes anything (mail scanners open links).
         */
        get: operations["SecureMessageController_open"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/s/{token}/code": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a one-time code to the address the link went to
         * @description At most 3 codes per link in 15 minutes (429 beyond); a new code replaces the last.
         */
        post: operations["SecureMessageController_sendCode"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/s/{token}/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check the code (and the date of birth when asked); a match opens the thread
         * @description A match starts a session (portal_session cookie, path /s/, ended after 15 minutes idle) and redirects to the thread. A few failed tries lock the link (403 page) and tell the practice.
         */
        post: operations["SecureMessageController_verify"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/s/{token}/reply": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The patient's reply, into the practice's inbox (verified session only) */
        post: operations["SecureMessageController_reply"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/s/{token}/attachments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download an attachment of a message in the thread (verified session only)
         * @description Anything else (no session, another thread, a malformed id) answers the neutral page.
         */
        get: operations["SecureMessageController_attachment"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/s/{token}/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End the verified session */
        post: operations["SecureMessageController_logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/c/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Consent request page: the exact disclosure, Accept / Decline
         * @description Opening changes nothing (mail scanners open links); an answered request shows its answer.
         */
        get: operations["ConsentPagesController_consentForm"];
        put?: never;
        /** Answer a consent request (recorded in the consent ledger with the disclosure shown) */
        post: operations["ConsentPagesController_consentAnswer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/u/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * "Stop unencrypted email" page, linked from a plain email with health information
         * @description Opening changes nothing (mail scanners open links); the confirmation is a form post.
         */
        get: operations["ConsentPagesController_unsubscribeForm"];
        put?: never;
        /** Stop unencrypted email to this address: later messages go as secure messages */
        post: operations["ConsentPagesController_unsubscribe"];
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
    "/v1/practice/auto-replies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The practice's auto-replies (all off and configured: false until set) */
        get: operations["AutoRepliesController_get"];
        /**
         * Replace the auto-replies: after hours and first contact, a template per channel, the throttle
         * @description Templates are plain, PHI-free text per channel (sms, email, chat, webform); a kind enabled without a template for a channel sends nothing there. Placeholders: {practiceName}, {practicePhone} (practicePhone, else the SMS HELP number), {nextOpening} (the next opening in the practice time zone, "Monday 8:00 AM"; "now" while open; "soon" when none), {link} (needs link). Any other {...}, a placeholder nothing fills, markup, or an SMS (or web form) reply over 2 segments once filled is 400 `validation_failed` naming the field. At most one auto-reply per contact and channel every throttleHours (1-168, default 12). Never to a keyword text, an automatic email, an opted-out number, a suppressed address, an unproven (claimed) address or the portal.
         */
        put: operations["AutoRepliesController_replace"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reports/response-times": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * First-response times (median, p90), wall-clock and in business hours, and the SLA now
         * @description Conversations whose patient's first message falls in [from, to) (at most 366 days), optionally on one channel or in one team (`teamId`; an unknown team is 404): how many, how many a staff member answered (a reply, not a note, system text, auto-reply or consent request), and the time to that first reply. `to` before `from` or a longer period: 400 naming `to`.
         */
        get: operations["ReportsController_responseTimesReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reports/funnel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Lead-stage funnel by source channel and web form, and the secure-message open rate
         * @description Contacts created in [from, to) (at most 366 days) by their current lead stage, per source channel and per web form; secure messages sent in the period and how many were read.
         */
        get: operations["ReportsController_funnelReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-endpoints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The practice’s webhook endpoints, oldest first (never their secrets) */
        get: operations["WebhookEndpointsController_list"];
        put?: never;
        /**
         * Register a webhook endpoint
         * @description Each event is POSTed as JSON `{type, timestamp, data}` (ids and status names only, never PHI), signed per Standard Webhooks (webhook-id, webhook-timestamp, webhook-signature v1). A URL that is not https, carries credentials, does not resolve, or resolves to a private, loopback, link-local or metadata address is refused (422). The secret is in this answer only.
         */
        post: operations["WebhookEndpointsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-endpoints/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete an endpoint with its delivery log */
        delete: operations["WebhookEndpointsController_remove"];
        options?: never;
        head?: never;
        /**
         * Change an endpoint’s URL or events, disable it, or re-enable it
         * @description Re-enabling clears the failure streak. Deliveries failed while it was disabled can be replayed.
         */
        patch: operations["WebhookEndpointsController_update"];
        trace?: never;
    };
    "/v1/webhook-endpoints/{id}/secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rotate the signing secret (the new one is in this answer only) */
        post: operations["WebhookEndpointsController_rotateSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-endpoints/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The endpoint’s delivery log, newest first (keyset cursor)
         * @description Each delivery with its attempts: status code, duration and error class, never a response body.
         */
        get: operations["WebhookEndpointsController_deliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-endpoints/{id}/deliveries/{deliveryId}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a delivered or failed delivery again
         * @description The same webhook-id (receivers deduplicate on it), a new timestamp and signature, a new retry window. 409 webhook_delivery_pending while it is still being retried.
         */
        post: operations["WebhookEndpointsController_replay"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/access-alerts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Alerts on unusual PHI access, newest window first (keyset cursor)
         * @description Raised by the worker from the audit trail (every 5 minutes, for the previous and the current UTC hour): a staff user who opened more conversations in an hour than the practice allows for them (conversations_opened), or ran a bulk export while the practice was closed (export_outside_hours). At most one alert per user, kind and hour; each is also audited (access_alert.raised), sent live to owners and admins (staff event access_alert.raised) and emailed to them. Ids and counts only, never PHI. Reading the list is audited (access_alert.listed).
         */
        get: operations["AccessAlertsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/access-alerts/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The practice's alert thresholds (the defaults and configured: false until set) */
        get: operations["AccessAlertsController_getSettings"];
        /**
         * Replace the alert thresholds
         * @description opensFactor 1-100, minimumOpensPerHour 1-100000, exportsOutsideBusinessHours; every field is required (400 validation_failed naming the field). Audited (access_alert.settings_changed); the next sweep uses them.
         */
        put: operations["AccessAlertsController_replaceSettings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/api-clients": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The practice’s API clients, newest first (owner only; never their secrets) */
        get: operations["ApiClientsController_list"];
        put?: never;
        /**
         * Create an API client (owner only); its secret is shown this once
         * @description The client gets a token at POST /oauth/token (grant_type=client_credentials) and reads /fhir/R4 within its scope. Only a SHA-256 of the secret is stored. Audited `api_client.created`.
         */
        post: operations["ApiClientsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/api-clients/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke an API client (owner only)
         * @description Its tokens stop working at once and it gets no new ones. Audited `api_client.revoked`.
         */
        delete: operations["ApiClientsController_revoke"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/oauth/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * An access token for an API client (OAuth 2.0 client credentials)
         * @description Form-encoded `grant_type=client_credentials`, the client authenticated with `client_id` and `client_secret` in the body or HTTP Basic, optional `scope` (within the client’s; default: all of it). Errors are OAuth’s: 400 invalid_request, unsupported_grant_type, invalid_scope; 401 invalid_client (the same answer for an unknown, revoked or malformed client id and a wrong secret). Rate limited: more than 30 requests per 60 s from one client address, or 20 per 60 s for one client id from any address (counted whether or not the id exists), answer 429 `rate_limited` in the API’s error body with Retry-After (seconds).
         */
        post: operations["OAuthController_token"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/fhir/R4/metadata": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The FHIR CapabilityStatement (what this server reads, searches and exports) */
        get: operations["FhirMetadataController_metadata"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/fhir/R4/$export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Bulk Data kick-off (system level): 202 with the status URL in Content-Location
         * @description Requires `Prefer: respond-async`. NDJSON per resource type of everything changed since `_since` (default: all) up to the kick-off, written by the worker, encrypted at rest, downloadable by the same client until the export expires. One export per client at a time (429).
         */
        get: operations["FhirController_kickOff"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/fhir/R4/bulk-status/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Bulk Data export status: 202 in progress (X-Progress), 200 with the manifest when done */
        get: operations["FhirController_status"];
        put?: never;
        post?: never;
        /** Cancel a Bulk Data export (its files are deleted) */
        delete: operations["FhirController_cancel"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/fhir/R4/bulk-files/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One NDJSON file of a completed export (same client; audited) */
        get: operations["FhirController_file"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/fhir/R4/Binary/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An attachment of a patient message (Communication scope; audited)
         * @description The raw bytes as a download, or a Binary resource (base64 data) when the Accept header asks for application/fhir+json.
         */
        get: operations["FhirController_binary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/fhir/R4/{type}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search one resource type: a searchset Bundle, `_count` per page, `next` link while more follow
         * @description `_lastUpdated` (gt/ge/lt/le/eq, a date or an instant; twice for a range), `patient` (not on Patient), `_id`, `_count` (1 to 1000, default 50), `_total` (none, the default: no Bundle.total; estimate or accurate: the whole search set counted exactly on every page, up to 10000 matches, beyond which the page has no total and a warning OperationOutcome entry). Pages run in change order on a keyset cursor (`_cursor`, from the next link). Audited `fhir.searched` as the client.
         */
        get: operations["FhirController_search"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/fhir/R4/{type}/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read one resource (audited `fhir.read` as the client) */
        get: operations["FhirController_read"];
        put?: never;
        post?: never;
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
        /** Liveness: the process answers (no dependency is checked) */
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
        /**
         * Readiness: Postgres, Redis and (where the process holds keys) the master key answer
         * @description Take traffic only on 200. 503 not_ready names each dependency "up" or "down" in details, e.g. {"postgres": "up", "redis": "down", "master_key": "up"}.
         */
        get: operations["HealthController_ready"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The process's metrics for the operators' Prometheus
         * @description Prometheus text exposition. Labels are route templates, channel kinds, outcomes and reasons; never a practice, an id, an address or content. 404 when METRICS_TOKEN is not configured (metrics off).
         */
        get: operations["MetricsController_render"];
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
        /**
         * Submit a web form: a new lead contact and its conversation (an address another contact holds is kept as an unproven claim, flagged for staff). A ticked consent box sends a consent request to that address; consent is granted only by the answer from it. JSON only; the hidden honeypot field `website` must stay empty.
         * @description At most 5 submissions per client address every 10 minutes per form, and 300 a minute per form. A submission whose honeypot is filled gets the same answer and stores nothing.
         */
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
        /**
         * Start a chat session; the token (shown once) authenticates the visitor
         * @description A name, email or phone the visitor types is a claim (an address another contact holds is only recorded, flagged for staff). At most 10 sessions per client address every 10 minutes per widget, and 300 a minute per widget.
         */
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
        /**
         * CORS preflight for a session (allowed origins of its widget only)
         * @description `resource` is `messages`, `events` or `verification`.
         */
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
    "/v1/conversations/counts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Conversations per status, and not-closed ones per assignee
         * @description From maintained counters; practice-wide, so only roles that see the whole inbox (403 otherwise).
         */
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
        /**
         * Triage: status, assignee, team, priority, tags, lead stage
         * @description Status (snooze with snoozedUntil: reopens then), assignee (active staff of the practice; needs conversations.assign, else 403), team (a team of the practice, 422 invalid_team otherwise; needs conversations.assign; the assignee is left as it is), priority, tags (replaces), lead stage (of the contact). 409 conversation_conflict: reopening while the contact has another conversation that is not closed.
         */
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
        /**
         * Messages and notes, newest first, keyset cursor (audited PHI read)
         * @description Each message lists its stored files (`attachments`: MMS media, email attachments; the bytes at GET /v1/messages/{id}/attachments/{attachmentId}, each download audited); a web form message carries the structured `fields` submitted with it.
         */
        get: operations["ConversationsController_messages"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/conversations/{id}/activity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The conversation's activity, newest first, keyset cursor
         * @description Its changes from the audit trail, with who made them: staff (by name), a routing rule (by name), the system. Assignments, status and triage changes, notes, SLA breaches and auto-closes; reads are not activity, and an automatic answer is a `system` message of the conversation, not an activity entry. The same visibility as the conversation.
         */
        get: operations["ConversationsController_activity"];
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
    "/v1/messages/{id}/attachments/{attachmentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download an attachment of a message (audited PHI read)
         * @description The bytes as received (MMS media, email attachment), always as a download, in the type stored when it is one channels accept (else application/octet-stream). Billing staff: only attachments of conversations they may see (403, audited). Unknown ids, ids of another message or practice: 404.
         */
        get: operations["MessageAttachmentsController_download"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/attachments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upload a file to attach to a reply or a first message
         * @description multipart/form-data with one part `file` (at most 10 MB; application/pdf, image/png, image/jpeg, image/gif, image/webp, its first bytes matching the declared type). Stored encrypted; it reaches a patient only through the secure link (POST /v1/conversations/{id}/replies with attachmentIds). Unclaimed after 24 h it expires (refused when attached, then erased).
         */
        post: operations["AttachmentUploadsController_create"];
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
        /**
         * Exact search by one of phone, email or name (normalized, via blind index); keyset cursor
         * @description Give exactly one of phone, email, name (400 validation_failed otherwise). Sorted by id; audited (the field searched, never the value).
         */
        get: operations["ContactsController_search"];
        put?: never;
        /**
         * Enter a contact by hand (outreach to someone who never wrote); audited
         * @description A phone or an email is required. When another contact already holds the phone or the email, nothing is written and the answer is 409 contact_exists with details.contactId naming it.
         */
        post: operations["ContactsController_create"];
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
        /**
         * Edit name, email, phone, date of birth, lead stage (null clears)
         * @description A changed phone or email retires the old address: its live secure links and consent requests stop working.
         */
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
        /** Delete a canned response */
        delete: operations["CannedResponsesController_remove"];
        options?: never;
        head?: never;
        /** Change the title or the body of a canned response */
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
        /**
         * Live events of the practice (server-sent events): ids and kinds only, never PHI
         * @description First a `ready` event, then one event per change the caller may see: message.created, message.status_changed, message.attachments_updated, message.flagged, note.created, secure_link.locked, secure_message.unread, chat.address_verified, conversation.assigned, conversation.status_changed, conversation.updated; access_alert.raised (`{alertId, kind, userId}`, only to those who may read the audit trail). Each `data` is JSON: `{id, type, at, conversationId, ...ids}`; re-read anything else through the API. Heartbeat comments every 15 s; the stream ends when the access token expires (reconnect with a fresh one). At most 5 streams open per user: 429 too_many_streams beyond, with a Retry-After header (seconds).
         */
        get: operations["EventsController_stream"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/legal-holds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The practice's legal holds, active first, newest first (at most 500) */
        get: operations["LegalHoldsController_list"];
        put?: never;
        /**
         * Place a legal hold on a contact, or on the whole practice (no contactId)
         * @description From the moment this answers, the retention sweep purges nothing the hold covers: the contact’s conversations (and those of contacts merged into it), or everything of the practice. One active hold per contact and one on the practice: another is 409 `legal_hold_exists` naming it. Audited `legal_hold.placed`.
         */
        post: operations["LegalHoldsController_place"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/legal-holds/{id}/release": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Release an active legal hold; purging resumes at the next sweep. Audited `legal_hold.released` */
        post: operations["LegalHoldsController_release"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/teams": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The practice’s teams, by name */
        get: operations["TeamsController_list"];
        put?: never;
        /**
         * Add a team
         * @description Names are unique per practice whatever their case (409 team_name_taken); members must be users of the practice (422 invalid_team_member, `details.memberIds` naming the others).
         */
        post: operations["TeamsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/teams/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete a team
         * @description 409 team_in_use while a routing rule (enabled or not) assigns to it (`details.ruleIds`): change or delete those first. Its conversations lose the team and keep their assignee.
         */
        delete: operations["TeamsController_remove"];
        options?: never;
        head?: never;
        /** Rename a team or replace its members */
        patch: operations["TeamsController_update"];
        trace?: never;
    };
    "/v1/routing-rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The routing rules, in the order they run (position, then oldest first) */
        get: operations["RoutingRulesController_list"];
        put?: never;
        /**
         * Add a routing rule
         * @description At least one action (400 otherwise); assignUserId and assignTeamId exclude each other. Ids must be the practice's: an active user (422 invalid_assignee), a team (422 invalid_team), a channel (422 invalid_channel).
         */
        post: operations["RoutingRulesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/routing-rules/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a routing rule */
        delete: operations["RoutingRulesController_remove"];
        options?: never;
        head?: never;
        /** Change a routing rule (conditions and actions are replaced as a whole) */
        patch: operations["RoutingRulesController_update"];
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
    AuthController_forgotPassword: {
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
                };
            };
        };
        responses: {
            /** @description Accepted: a link is emailed if the address has an account */
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
    AuthController_resetPassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The token of the emailed link (after `#token=`) */
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
            /** @description The password is changed; sign in with it */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description invalid_reset_token, bad_request, validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "bad_request" | "invalid_reset_token" | "validation_failed";
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
    AuthController_regenerateRecoveryCodes: {
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
                     * @description The current code of the authenticator app (a recovery code does not do)
                     * @example 492039
                     */
                    code: string;
                };
            };
        };
        responses: {
            /** @description The new codes (shown once) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description 10 new single-use codes, shown once; the earlier ones no longer work */
                        recoveryCodes: string[];
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
            /** @description mfa_not_enabled */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "mfa_not_enabled";
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
                        /** @description I take no new conversations for now (PUT /v1/me/availability) */
                        away: boolean;
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
    MeController_setAvailability: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description true: take no new conversations from team round-robin for now */
                    away: boolean;
                };
            };
        };
        responses: {
            /** @description The signed-in user, as changed */
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
                        /** @description I take no new conversations for now (PUT /v1/me/availability) */
                        away: boolean;
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
                        permissions: ("users.read" | "users.manage" | "practice.settings" | "audit.read" | "channels.manage" | "conversations.read" | "conversations.read_assigned" | "conversations.reply" | "conversations.assign" | "contacts.read" | "contacts.write" | "consent.record" | "reports.read")[];
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
    MeController_changePassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    currentPassword: string;
                    /**
                     * @description 12 to 256 characters (counted after Unicode NFKC normalization); not a common password (also with digits for letters or digits and symbols appended), not one short pattern repeated, and not containing the email address of the account or its name part
                     * @example correct horse battery staple
                     */
                    newPassword: string;
                };
            };
        };
        responses: {
            /** @description Changed */
            204: {
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
            /** @description invalid_current_password */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_current_password";
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
            /** @description account_locked: too many wrong passwords; the Retry-After header says how many seconds are left */
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
            /** @description rate_limited: more than 30 requests per 60 s from one client address; the Retry-After header says how many seconds to wait */
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
                            /** @description The user takes no new conversations for now (team round-robin skips them); set by themselves */
                            away: boolean;
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
                        /** @description The user takes no new conversations for now (team round-robin skips them); set by themselves */
                        away: boolean;
                        /**
                         * @description Present when the user was created without a password
                         * @example {
                         *       "token": "inv_b7a1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d.8d2e4b6a-1c3f-4e5d-a7b9-0c1d2e3f4a5b.Q2hhbmdlIG1lIHRvIGEgcmVhbCB0b2tlbg",
                         *       "expiresAt": "2026-03-02T14:05:09.000Z",
                         *       "emailed": true
                         *     }
                         */
                        invite?: {
                            /** @description Also emailed to the user as a link (when `emailed`); POST /v1/auth/invites/accept sets their password */
                            token: string;
                            /** Format: date-time */
                            expiresAt: string;
                            /** @description The invitation email to the user was queued (sent just after this answer, from the platform sender); false when account emails are not configured */
                            emailed: boolean;
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
                        /** @description The user takes no new conversations for now (team round-robin skips them); set by themselves */
                        away: boolean;
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
                        /** @description The user takes no new conversations for now (team round-robin skips them); set by themselves */
                        away: boolean;
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
            /** @description The invitation (its token is not stored, only its hash); its email to the user leaves just after this answer */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Also emailed to the user as a link (when `emailed`); POST /v1/auth/invites/accept sets their password */
                        token: string;
                        /** Format: date-time */
                        expiresAt: string;
                        /** @description The invitation email to the user was queued (sent just after this answer, from the platform sender); false when account emails are not configured */
                        emailed: boolean;
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
    UsersController_resetMfa: {
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
            /** @description Reset */
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
            /** @description cannot_reset_own_mfa, mfa_not_enabled */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "cannot_reset_own_mfa" | "mfa_not_enabled";
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
                        /** @description Days a closed conversation is reopened by the contact's next message (0-365, default 7; 0: a new conversation starts) */
                        conversationReopenDays: number;
                        /** @description The practice's own answer to an SMS HELP, sent verbatim (it names STOP); null for the default, which names the practice and smsHelpContactNumber */
                        smsHelpReply: string | null;
                        /** @description The phone number (E.164) the default HELP answer tells patients to call; null for the number they texted */
                        smsHelpContactNumber: string | null;
                        /** @description The practice's IANA time zone (default America/New_York); reminder hours are local to it */
                        timeZone: string;
                        /** @description Hours an unopened secure message waits before each reminder (1-168, default 24) */
                        secureReminderDelayHours: number;
                        /** @description Reminders per unopened secure message (0-5, default 2; 0: none). After the last one, staff get a staff event and the conversation shows secureMessageUnread */
                        secureReminderMax: number;
                        /** @description Local hour reminders may start (8-20, default 8); set together with reminderWindowEndHour */
                        reminderWindowStartHour: number;
                        /** @description Local hour reminders stop (9-21, default 21; after the start hour) */
                        reminderWindowEndHour: number;
                        /** @description Minutes a patient may wait for a staff reply (1-43200; counted in business hours when they are set, else wall-clock) before the conversation is marked over SLA (staff event conversation.sla_breached, inbox filter waiting=over_sla); null: no SLA (default) */
                        slaMinutes: number | null;
                        /** @description Days without a message after which an open or pending conversation is closed automatically (1-365); null (or 0 when set): never (default) */
                        autoCloseDays: number | null;
                        /** @description Days an email address whose mail server could not take a TLS-required email gets consented replies as secure links (with a PHI-free notice) before plain email over TLS is tried again (1-365, default 30) */
                        noTlsRecheckDays: number;
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
                    conversationReopenDays?: number;
                    smsHelpReply?: string | null;
                    smsHelpContactNumber?: string | null;
                    timeZone?: string;
                    secureReminderDelayHours?: number;
                    secureReminderMax?: number;
                    reminderWindowStartHour?: number;
                    reminderWindowEndHour?: number;
                    slaMinutes?: number | null;
                    autoCloseDays?: number | null;
                    noTlsRecheckDays?: number;
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
                        /** @description Days a closed conversation is reopened by the contact's next message (0-365, default 7; 0: a new conversation starts) */
                        conversationReopenDays: number;
                        /** @description The practice's own answer to an SMS HELP, sent verbatim (it names STOP); null for the default, which names the practice and smsHelpContactNumber */
                        smsHelpReply: string | null;
                        /** @description The phone number (E.164) the default HELP answer tells patients to call; null for the number they texted */
                        smsHelpContactNumber: string | null;
                        /** @description The practice's IANA time zone (default America/New_York); reminder hours are local to it */
                        timeZone: string;
                        /** @description Hours an unopened secure message waits before each reminder (1-168, default 24) */
                        secureReminderDelayHours: number;
                        /** @description Reminders per unopened secure message (0-5, default 2; 0: none). After the last one, staff get a staff event and the conversation shows secureMessageUnread */
                        secureReminderMax: number;
                        /** @description Local hour reminders may start (8-20, default 8); set together with reminderWindowEndHour */
                        reminderWindowStartHour: number;
                        /** @description Local hour reminders stop (9-21, default 21; after the start hour) */
                        reminderWindowEndHour: number;
                        /** @description Minutes a patient may wait for a staff reply (1-43200; counted in business hours when they are set, else wall-clock) before the conversation is marked over SLA (staff event conversation.sla_breached, inbox filter waiting=over_sla); null: no SLA (default) */
                        slaMinutes: number | null;
                        /** @description Days without a message after which an open or pending conversation is closed automatically (1-365); null (or 0 when set): never (default) */
                        autoCloseDays: number | null;
                        /** @description Days an email address whose mail server could not take a TLS-required email gets consented replies as secure links (with a PHI-free notice) before plain email over TLS is tried again (1-365, default 30) */
                        noTlsRecheckDays: number;
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
    PracticeController_businessHours: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The hours */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "timeZone": "America/New_York",
                     *       "weekly": {
                     *         "mon": [
                     *           {
                     *             "from": "08:00",
                     *             "to": "12:00"
                     *           },
                     *           {
                     *             "from": "13:00",
                     *             "to": "17:00"
                     *           }
                     *         ],
                     *         "tue": [
                     *           {
                     *             "from": "08:00",
                     *             "to": "17:00"
                     *           }
                     *         ]
                     *       },
                     *       "closures": [
                     *         {
                     *           "date": "2026-12-25",
                     *           "name": "Christmas"
                     *         }
                     *       ],
                     *       "configured": true
                     *     }
                     */
                    "application/json": {
                        /** @description The practice's IANA time zone */
                        timeZone: string;
                        /** @description Opening ranges per weekday; a day left out is closed */
                        weekly: {
                            sun?: {
                                /** @description Local wall time HH:MM (24:00 ends the day) */
                                from: string;
                                /** @description Local wall time HH:MM (24:00 ends the day) */
                                to: string;
                            }[];
                            mon?: {
                                /** @description Local wall time HH:MM (24:00 ends the day) */
                                from: string;
                                /** @description Local wall time HH:MM (24:00 ends the day) */
                                to: string;
                            }[];
                            tue?: {
                                /** @description Local wall time HH:MM (24:00 ends the day) */
                                from: string;
                                /** @description Local wall time HH:MM (24:00 ends the day) */
                                to: string;
                            }[];
                            wed?: {
                                /** @description Local wall time HH:MM (24:00 ends the day) */
                                from: string;
                                /** @description Local wall time HH:MM (24:00 ends the day) */
                                to: string;
                            }[];
                            thu?: {
                                /** @description Local wall time HH:MM (24:00 ends the day) */
                                from: string;
                                /** @description Local wall time HH:MM (24:00 ends the day) */
                                to: string;
                            }[];
                            fri?: {
                                /** @description Local wall time HH:MM (24:00 ends the day) */
                                from: string;
                                /** @description Local wall time HH:MM (24:00 ends the day) */
                                to: string;
                            }[];
                            sat?: {
                                /** @description Local wall time HH:MM (24:00 ends the day) */
                                from: string;
                                /** @description Local wall time HH:MM (24:00 ends the day) */
                                to: string;
                            }[];
                        };
                        closures: {
                            date: string;
                            name?: string;
                        }[];
                        /** @description False until hours were set: then nothing is after hours */
                        configured: boolean;
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
    PracticeController_replaceBusinessHours: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @example America/New_York */
                    timeZone: string;
                    /**
                     * @description Opening ranges per weekday (local wall time); a day left out or empty is closed
                     * @example {
                     *       "mon": [
                     *         {
                     *           "from": "08:00",
                     *           "to": "12:00"
                     *         },
                     *         {
                     *           "from": "13:00",
                     *           "to": "17:00"
                     *         }
                     *       ]
                     *     }
                     */
                    weekly: {
                        sun?: {
                            /** @example 08:00 */
                            from: string;
                            /** @example 08:00 */
                            to: string;
                        }[];
                        mon?: {
                            /** @example 08:00 */
                            from: string;
                            /** @example 08:00 */
                            to: string;
                        }[];
                        tue?: {
                            /** @example 08:00 */
                            from: string;
                            /** @example 08:00 */
                            to: string;
                        }[];
                        wed?: {
                            /** @example 08:00 */
                            from: string;
                            /** @example 08:00 */
                            to: string;
                        }[];
                        thu?: {
                            /** @example 08:00 */
                            from: string;
                            /** @example 08:00 */
                            to: string;
                        }[];
                        fri?: {
                            /** @example 08:00 */
                            from: string;
                            /** @example 08:00 */
                            to: string;
                        }[];
                        sat?: {
                            /** @example 08:00 */
                            from: string;
                            /** @example 08:00 */
                            to: string;
                        }[];
                    };
                    /**
                     * @description Local dates closed all day (holidays)
                     * @default []
                     */
                    closures?: {
                        date: string;
                        /** @description Shown to staff, e.g. "Thanksgiving" */
                        name?: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description The hours as stored */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "timeZone": "America/New_York",
                     *       "weekly": {
                     *         "mon": [
                     *           {
                     *             "from": "08:00",
                     *             "to": "12:00"
                     *           },
                     *           {
                     *             "from": "13:00",
                     *             "to": "17:00"
                     *           }
                     *         ],
                     *         "tue": [
                     *           {
                     *             "from": "08:00",
                     *             "to": "17:00"
                     *           }
                     *         ]
                     *       },
                     *       "closures": [
                     *         {
                     *           "date": "2026-12-25",
                     *           "name": "Christmas"
                     *         }
                     *       ],
                     *       "configured": true
                     *     }
                     */
                    "application/json": {
                        /** @description The practice's IANA time zone */
                        timeZone: string;
                        /** @description Opening ranges per weekday; a day left out is closed */
                        weekly: {
                            sun?: {
                                /** @description Local wall time HH:MM (24:00 ends the day) */
                                from: string;
                                /** @description Local wall time HH:MM (24:00 ends the day) */
                                to: string;
                            }[];
                            mon?: {
                                /** @description Local wall time HH:MM (24:00 ends the day) */
                                from: string;
                                /** @description Local wall time HH:MM (24:00 ends the day) */
                                to: string;
                            }[];
                            tue?: {
                                /** @description Local wall time HH:MM (24:00 ends the day) */
                                from: string;
                                /** @description Local wall time HH:MM (24:00 ends the day) */
                                to: string;
                            }[];
                            wed?: {
                                /** @description Local wall time HH:MM (24:00 ends the day) */
                                from: string;
                                /** @description Local wall time HH:MM (24:00 ends the day) */
                                to: string;
                            }[];
                            thu?: {
                                /** @description Local wall time HH:MM (24:00 ends the day) */
                                from: string;
                                /** @description Local wall time HH:MM (24:00 ends the day) */
                                to: string;
                            }[];
                            fri?: {
                                /** @description Local wall time HH:MM (24:00 ends the day) */
                                from: string;
                                /** @description Local wall time HH:MM (24:00 ends the day) */
                                to: string;
                            }[];
                            sat?: {
                                /** @description Local wall time HH:MM (24:00 ends the day) */
                                from: string;
                                /** @description Local wall time HH:MM (24:00 ends the day) */
                                to: string;
                            }[];
                        };
                        closures: {
                            date: string;
                            name?: string;
                        }[];
                        /** @description False until hours were set: then nothing is after hours */
                        configured: boolean;
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
    PracticeController_getRetention: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The retention */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "messageRetentionDays": 2555,
                     *       "attachmentRetentionDays": 365
                     *     }
                     */
                    "application/json": {
                        /** @description Days messages are kept before the retention sweep purges them; null: for ever */
                        messageRetentionDays: number | null;
                        /** @description Days attachments are kept (at most messageRetentionDays); null: as long as their message */
                        attachmentRetentionDays: number | null;
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
    PracticeController_replaceRetention: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Days (30-36500); null keeps them for ever */
                    messageRetentionDays: number | null;
                    /** @description Days (30-36500), at most messageRetentionDays; null keeps an attachment as long as its message */
                    attachmentRetentionDays: number | null;
                };
            };
        };
        responses: {
            /** @description The retention as stored */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "messageRetentionDays": 2555,
                     *       "attachmentRetentionDays": 365
                     *     }
                     */
                    "application/json": {
                        /** @description Days messages are kept before the retention sweep purges them; null: for ever */
                        messageRetentionDays: number | null;
                        /** @description Days attachments are kept (at most messageRetentionDays); null: as long as their message */
                        attachmentRetentionDays: number | null;
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
            /** @description Every channel not deleted */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "id": "3f1c2b9e-6a47-4d0e-9a51-2f8c7d6e5b4a",
                     *           "type": "sms",
                     *           "name": "Front desk",
                     *           "phoneNumber": "+15555550100",
                     *           "twilioAccountSid": "AC0123456789abcdef0123456789abcdef",
                     *           "messagingServiceSid": null,
                     *           "sendRatePerSecond": 1,
                     *           "createdAt": "2026-01-05T14:03:00.000Z",
                     *           "updatedAt": "2026-01-05T14:03:00.000Z",
                     *           "webhooks": {
                     *             "inbound": "https://inbox.example-clinic.com/webhooks/twilio/3f1c2b9e-6a47-4d0e-9a51-2f8c7d6e5b4a/inbound",
                     *             "status": "https://inbox.example-clinic.com/webhooks/twilio/3f1c2b9e-6a47-4d0e-9a51-2f8c7d6e5b4a/status"
                     *           }
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        data: ({
                            /** Format: uuid */
                            id: string;
                            /** @constant */
                            type: "sms";
                            /** @example Front desk */
                            name: string;
                            /**
                             * @description E.164
                             * @example +15555550100
                             */
                            phoneNumber: string;
                            /** @example AC0123456789abcdef0123456789abcdef */
                            twilioAccountSid: string;
                            messagingServiceSid: string | null;
                            /** @description Messages per second this number may send */
                            sendRatePerSecond: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            /** @description Absolute URLs to configure at Twilio (under PUBLIC_BASE_URL) */
                            webhooks: {
                                /** Format: uri */
                                inbound: string;
                                /** Format: uri */
                                status: string;
                            };
                        } | {
                            /** Format: uuid */
                            id: string;
                            /** @constant */
                            type: "email";
                            /** @example Front desk */
                            name: string;
                            /** @example inbox@mail.example-clinic.com */
                            inboundAddress: string;
                            /** @example frontdesk@example-clinic.com */
                            fromAddress: string;
                            fromName: string | null;
                            /** @description The channel has SendGrid’s Event Webhook public key */
                            eventsSigned: boolean;
                            /**
                             * @description How Event Webhook posts are authenticated: SendGrid’s signature, the secret in the events URL, or `none` (a channel from before; its events are refused until PATCH sets one)
                             * @enum {string}
                             */
                            eventsAuth: "signature" | "url_secret" | "none";
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            /** @description Absolute URLs to configure at SendGrid */
                            webhooks: {
                                /**
                                 * @description Inbound Parse URL; carries the secret only in the answer that issues it, `{secret}` otherwise
                                 * @example https://inbox.example-clinic.com/webhooks/sendgrid/3f1c2b9e-6a47-4d0e-9a51-2f8c7d6e5b4a/inbound/{secret}
                                 */
                                inboundParse: string;
                                /**
                                 * @description Event Webhook URL: the plain (signed) URL when the channel has SendGrid’s key, else one carrying the events secret (shown once when issued, `{secret}` otherwise)
                                 * @example https://inbox.example-clinic.com/webhooks/sendgrid/3f1c2b9e-6a47-4d0e-9a51-2f8c7d6e5b4a/events
                                 */
                                events: string;
                            };
                        } | {
                            /** Format: uuid */
                            id: string;
                            /** @example Front desk */
                            name: string;
                            /**
                             * @description Website origins allowed to use it
                             * @example [
                             *       "https://www.example-clinic.com"
                             *     ]
                             */
                            allowedOrigins: string[];
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            /** @constant */
                            type: "webform";
                            /** @description Public key of the form (in its submit URL) */
                            formKey: string;
                            /**
                             * Format: uri
                             * @description Absolute URL the practice’s form posts JSON to
                             */
                            submitUrl: string;
                        } | {
                            /** Format: uuid */
                            id: string;
                            /** @example Front desk */
                            name: string;
                            /**
                             * @description Website origins allowed to use it
                             * @example [
                             *       "https://www.example-clinic.com"
                             *     ]
                             */
                            allowedOrigins: string[];
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            /** @constant */
                            type: "chat";
                            /** @description Public key of the widget (`data-widget-key`) */
                            widgetKey: string;
                            /**
                             * Format: uri
                             * @description Absolute URL of the script to embed
                             */
                            widgetScriptUrl: string;
                        })[];
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
                    /** @description SendGrid API key of the account (or subuser) plain PHI email leaves through. The app turns on its Enforced TLS (require_tls, require_valid_cert) before the first PHI email, so SendGrid drops an email rather than deliver it without TLS; the key needs the user.settings.enforced_tls scope. */
                    sendgridApiKey: string;
                    /** @description SendGrid API key of a second account (or subuser) without Enforced TLS, for PHI-free email: secure-link notices, consent requests, codes, reminders, auto-replies. Without it these go through sendgridApiKey and so reach only servers that take TLS. Point this account's Event Webhook at the same events URL. */
                    sendgridNoticeApiKey?: string;
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
            /** @description The new channel */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "3f1c2b9e-6a47-4d0e-9a51-2f8c7d6e5b4a",
                     *       "type": "sms",
                     *       "name": "Front desk",
                     *       "phoneNumber": "+15555550100",
                     *       "twilioAccountSid": "AC0123456789abcdef0123456789abcdef",
                     *       "messagingServiceSid": null,
                     *       "sendRatePerSecond": 1,
                     *       "createdAt": "2026-01-05T14:03:00.000Z",
                     *       "updatedAt": "2026-01-05T14:03:00.000Z",
                     *       "webhooks": {
                     *         "inbound": "https://inbox.example-clinic.com/webhooks/twilio/3f1c2b9e-6a47-4d0e-9a51-2f8c7d6e5b4a/inbound",
                     *         "status": "https://inbox.example-clinic.com/webhooks/twilio/3f1c2b9e-6a47-4d0e-9a51-2f8c7d6e5b4a/status"
                     *       }
                     *     }
                     */
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** @constant */
                        type: "sms";
                        /** @example Front desk */
                        name: string;
                        /**
                         * @description E.164
                         * @example +15555550100
                         */
                        phoneNumber: string;
                        /** @example AC0123456789abcdef0123456789abcdef */
                        twilioAccountSid: string;
                        messagingServiceSid: string | null;
                        /** @description Messages per second this number may send */
                        sendRatePerSecond: number;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                        /** @description Absolute URLs to configure at Twilio (under PUBLIC_BASE_URL) */
                        webhooks: {
                            /** Format: uri */
                            inbound: string;
                            /** Format: uri */
                            status: string;
                        };
                    } | {
                        /** Format: uuid */
                        id: string;
                        /** @constant */
                        type: "email";
                        /** @example Front desk */
                        name: string;
                        /** @example inbox@mail.example-clinic.com */
                        inboundAddress: string;
                        /** @example frontdesk@example-clinic.com */
                        fromAddress: string;
                        fromName: string | null;
                        /** @description The channel has SendGrid’s Event Webhook public key */
                        eventsSigned: boolean;
                        /**
                         * @description How Event Webhook posts are authenticated: SendGrid’s signature, the secret in the events URL, or `none` (a channel from before; its events are refused until PATCH sets one)
                         * @enum {string}
                         */
                        eventsAuth: "signature" | "url_secret" | "none";
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                        /** @description Absolute URLs to configure at SendGrid */
                        webhooks: {
                            /**
                             * @description Inbound Parse URL; carries the secret only in the answer that issues it, `{secret}` otherwise
                             * @example https://inbox.example-clinic.com/webhooks/sendgrid/3f1c2b9e-6a47-4d0e-9a51-2f8c7d6e5b4a/inbound/{secret}
                             */
                            inboundParse: string;
                            /**
                             * @description Event Webhook URL: the plain (signed) URL when the channel has SendGrid’s key, else one carrying the events secret (shown once when issued, `{secret}` otherwise)
                             * @example https://inbox.example-clinic.com/webhooks/sendgrid/3f1c2b9e-6a47-4d0e-9a51-2f8c7d6e5b4a/events
                             */
                            events: string;
                        };
                    } | {
                        /** Format: uuid */
                        id: string;
                        /** @example Front desk */
                        name: string;
                        /**
                         * @description Website origins allowed to use it
                         * @example [
                         *       "https://www.example-clinic.com"
                         *     ]
                         */
                        allowedOrigins: string[];
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                        /** @constant */
                        type: "webform";
                        /** @description Public key of the form (in its submit URL) */
                        formKey: string;
                        /**
                         * Format: uri
                         * @description Absolute URL the practice’s form posts JSON to
                         */
                        submitUrl: string;
                    } | {
                        /** Format: uuid */
                        id: string;
                        /** @example Front desk */
                        name: string;
                        /**
                         * @description Website origins allowed to use it
                         * @example [
                         *       "https://www.example-clinic.com"
                         *     ]
                         */
                        allowedOrigins: string[];
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                        /** @constant */
                        type: "chat";
                        /** @description Public key of the widget (`data-widget-key`) */
                        widgetKey: string;
                        /**
                         * Format: uri
                         * @description Absolute URL of the script to embed
                         */
                        widgetScriptUrl: string;
                    };
                };
            };
            /** @description validation_failed, bad_request */
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
                /** @description The channel’s id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The channel */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "3f1c2b9e-6a47-4d0e-9a51-2f8c7d6e5b4a",
                     *       "type": "sms",
                     *       "name": "Front desk",
                     *       "phoneNumber": "+15555550100",
                     *       "twilioAccountSid": "AC0123456789abcdef0123456789abcdef",
                     *       "messagingServiceSid": null,
                     *       "sendRatePerSecond": 1,
                     *       "createdAt": "2026-01-05T14:03:00.000Z",
                     *       "updatedAt": "2026-01-05T14:03:00.000Z",
                     *       "webhooks": {
                     *         "inbound": "https://inbox.example-clinic.com/webhooks/twilio/3f1c2b9e-6a47-4d0e-9a51-2f8c7d6e5b4a/inbound",
                     *         "status": "https://inbox.example-clinic.com/webhooks/twilio/3f1c2b9e-6a47-4d0e-9a51-2f8c7d6e5b4a/status"
                     *       }
                     *     }
                     */
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** @constant */
                        type: "sms";
                        /** @example Front desk */
                        name: string;
                        /**
                         * @description E.164
                         * @example +15555550100
                         */
                        phoneNumber: string;
                        /** @example AC0123456789abcdef0123456789abcdef */
                        twilioAccountSid: string;
                        messagingServiceSid: string | null;
                        /** @description Messages per second this number may send */
                        sendRatePerSecond: number;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                        /** @description Absolute URLs to configure at Twilio (under PUBLIC_BASE_URL) */
                        webhooks: {
                            /** Format: uri */
                            inbound: string;
                            /** Format: uri */
                            status: string;
                        };
                    } | {
                        /** Format: uuid */
                        id: string;
                        /** @constant */
                        type: "email";
                        /** @example Front desk */
                        name: string;
                        /** @example inbox@mail.example-clinic.com */
                        inboundAddress: string;
                        /** @example frontdesk@example-clinic.com */
                        fromAddress: string;
                        fromName: string | null;
                        /** @description The channel has SendGrid’s Event Webhook public key */
                        eventsSigned: boolean;
                        /**
                         * @description How Event Webhook posts are authenticated: SendGrid’s signature, the secret in the events URL, or `none` (a channel from before; its events are refused until PATCH sets one)
                         * @enum {string}
                         */
                        eventsAuth: "signature" | "url_secret" | "none";
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                        /** @description Absolute URLs to configure at SendGrid */
                        webhooks: {
                            /**
                             * @description Inbound Parse URL; carries the secret only in the answer that issues it, `{secret}` otherwise
                             * @example https://inbox.example-clinic.com/webhooks/sendgrid/3f1c2b9e-6a47-4d0e-9a51-2f8c7d6e5b4a/inbound/{secret}
                             */
                            inboundParse: string;
                            /**
                             * @description Event Webhook URL: the plain (signed) URL when the channel has SendGrid’s key, else one carrying the events secret (shown once when issued, `{secret}` otherwise)
                             * @example https://inbox.example-clinic.com/webhooks/sendgrid/3f1c2b9e-6a47-4d0e-9a51-2f8c7d6e5b4a/events
                             */
                            events: string;
                        };
                    } | {
                        /** Format: uuid */
                        id: string;
                        /** @example Front desk */
                        name: string;
                        /**
                         * @description Website origins allowed to use it
                         * @example [
                         *       "https://www.example-clinic.com"
                         *     ]
                         */
                        allowedOrigins: string[];
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                        /** @constant */
                        type: "webform";
                        /** @description Public key of the form (in its submit URL) */
                        formKey: string;
                        /**
                         * Format: uri
                         * @description Absolute URL the practice’s form posts JSON to
                         */
                        submitUrl: string;
                    } | {
                        /** Format: uuid */
                        id: string;
                        /** @example Front desk */
                        name: string;
                        /**
                         * @description Website origins allowed to use it
                         * @example [
                         *       "https://www.example-clinic.com"
                         *     ]
                         */
                        allowedOrigins: string[];
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                        /** @constant */
                        type: "chat";
                        /** @description Public key of the widget (`data-widget-key`) */
                        widgetKey: string;
                        /**
                         * Format: uri
                         * @description Absolute URL of the script to embed
                         */
                        widgetScriptUrl: string;
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
    ChannelsController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The channel’s id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
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
    ChannelsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The channel’s id */
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
            /** @description The channel as changed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "3f1c2b9e-6a47-4d0e-9a51-2f8c7d6e5b4a",
                     *       "type": "sms",
                     *       "name": "Front desk",
                     *       "phoneNumber": "+15555550100",
                     *       "twilioAccountSid": "AC0123456789abcdef0123456789abcdef",
                     *       "messagingServiceSid": null,
                     *       "sendRatePerSecond": 1,
                     *       "createdAt": "2026-01-05T14:03:00.000Z",
                     *       "updatedAt": "2026-01-05T14:03:00.000Z",
                     *       "webhooks": {
                     *         "inbound": "https://inbox.example-clinic.com/webhooks/twilio/3f1c2b9e-6a47-4d0e-9a51-2f8c7d6e5b4a/inbound",
                     *         "status": "https://inbox.example-clinic.com/webhooks/twilio/3f1c2b9e-6a47-4d0e-9a51-2f8c7d6e5b4a/status"
                     *       }
                     *     }
                     */
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** @constant */
                        type: "sms";
                        /** @example Front desk */
                        name: string;
                        /**
                         * @description E.164
                         * @example +15555550100
                         */
                        phoneNumber: string;
                        /** @example AC0123456789abcdef0123456789abcdef */
                        twilioAccountSid: string;
                        messagingServiceSid: string | null;
                        /** @description Messages per second this number may send */
                        sendRatePerSecond: number;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                        /** @description Absolute URLs to configure at Twilio (under PUBLIC_BASE_URL) */
                        webhooks: {
                            /** Format: uri */
                            inbound: string;
                            /** Format: uri */
                            status: string;
                        };
                    } | {
                        /** Format: uuid */
                        id: string;
                        /** @constant */
                        type: "email";
                        /** @example Front desk */
                        name: string;
                        /** @example inbox@mail.example-clinic.com */
                        inboundAddress: string;
                        /** @example frontdesk@example-clinic.com */
                        fromAddress: string;
                        fromName: string | null;
                        /** @description The channel has SendGrid’s Event Webhook public key */
                        eventsSigned: boolean;
                        /**
                         * @description How Event Webhook posts are authenticated: SendGrid’s signature, the secret in the events URL, or `none` (a channel from before; its events are refused until PATCH sets one)
                         * @enum {string}
                         */
                        eventsAuth: "signature" | "url_secret" | "none";
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                        /** @description Absolute URLs to configure at SendGrid */
                        webhooks: {
                            /**
                             * @description Inbound Parse URL; carries the secret only in the answer that issues it, `{secret}` otherwise
                             * @example https://inbox.example-clinic.com/webhooks/sendgrid/3f1c2b9e-6a47-4d0e-9a51-2f8c7d6e5b4a/inbound/{secret}
                             */
                            inboundParse: string;
                            /**
                             * @description Event Webhook URL: the plain (signed) URL when the channel has SendGrid’s key, else one carrying the events secret (shown once when issued, `{secret}` otherwise)
                             * @example https://inbox.example-clinic.com/webhooks/sendgrid/3f1c2b9e-6a47-4d0e-9a51-2f8c7d6e5b4a/events
                             */
                            events: string;
                        };
                    } | {
                        /** Format: uuid */
                        id: string;
                        /** @example Front desk */
                        name: string;
                        /**
                         * @description Website origins allowed to use it
                         * @example [
                         *       "https://www.example-clinic.com"
                         *     ]
                         */
                        allowedOrigins: string[];
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                        /** @constant */
                        type: "webform";
                        /** @description Public key of the form (in its submit URL) */
                        formKey: string;
                        /**
                         * Format: uri
                         * @description Absolute URL the practice’s form posts JSON to
                         */
                        submitUrl: string;
                    } | {
                        /** Format: uuid */
                        id: string;
                        /** @example Front desk */
                        name: string;
                        /**
                         * @description Website origins allowed to use it
                         * @example [
                         *       "https://www.example-clinic.com"
                         *     ]
                         */
                        allowedOrigins: string[];
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                        /** @constant */
                        type: "chat";
                        /** @description Public key of the widget (`data-widget-key`) */
                        widgetKey: string;
                        /**
                         * Format: uri
                         * @description Absolute URL of the script to embed
                         */
                        widgetScriptUrl: string;
                    };
                };
            };
            /** @description validation_failed, bad_request */
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
    TwilioWebhooksController_inbound: {
        parameters: {
            query?: never;
            header: {
                /** @description Twilio’s HMAC-SHA1 signature (base64) of the webhook URL and the sorted form fields, keyed with the channel’s auth token. Missing or wrong: 403 invalid_signature, nothing stored */
                "X-Twilio-Signature": string;
            };
            path: {
                /** @description The SMS channel (its webhook URLs are in the channel’s admin view) */
                channelId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": {
                    MessageSid: string;
                    AccountSid: string;
                    From: string;
                    To: string;
                    /** @default  */
                    Body?: string;
                    /** @default 0 */
                    NumMedia?: string;
                    OptOutType?: string;
                } & {
                    [key: string]: string;
                };
            };
        };
        responses: {
            /** @description TwiML: an empty `<Response/>`, or the reply to a keyword (STOP, START, HELP, YES, NO) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /** @example <?xml version="1.0" encoding="UTF-8"?><Response/> */
                    "text/xml": string;
                };
            };
            /** @description validation_failed, bad_request */
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
            /** @description invalid_signature */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_signature";
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
            /** @description A keyword hook failed: nothing stored, not acknowledged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    TwilioWebhooksController_status: {
        parameters: {
            query?: never;
            header: {
                /** @description Twilio’s HMAC-SHA1 signature (base64) of the webhook URL and the sorted form fields, keyed with the channel’s auth token. Missing or wrong: 403 invalid_signature, nothing stored */
                "X-Twilio-Signature": string;
            };
            path: {
                /** @description The SMS channel (its webhook URLs are in the channel’s admin view) */
                channelId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": {
                    MessageSid: string;
                    MessageStatus?: string;
                    ErrorCode?: string;
                    SmsStatus?: string;
                } | unknown | unknown;
            };
        };
        responses: {
            /** @description Applied, already known, or about a message we do not know */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description validation_failed, bad_request */
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
            /** @description invalid_signature */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_signature";
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
    SendGridWebhooksController_inboundParse: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The email channel (its webhook URLs are in the channel’s admin view) */
                channelId: string;
                /** @description The channel’s Inbound Parse secret, from the URL its admin view issued (shown once) */
                secret: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": ({
                    /** @description Raw mode: the whole MIME message */
                    email?: string;
                    /** @description Parsed mode: the message’s header block */
                    headers?: string;
                    text?: string;
                    html?: string;
                    from?: string;
                    subject?: string;
                    /** @description JSON: `{"to": [...], "from": "..."}` */
                    envelope?: string;
                    /** @description SendGrid’s SPF verdict */
                    SPF?: string;
                    /** @description SendGrid’s DKIM verdicts */
                    dkim?: string;
                } & {
                    [key: string]: string;
                }) | unknown | unknown;
            };
        };
        responses: {
            /** @description Stored, or already stored */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "received": true,
                     *       "duplicate": false
                     *     }
                     */
                    "application/json": {
                        /** @constant */
                        received: true;
                        /** @description The same Message-ID (or post) was stored before */
                        duplicate: boolean;
                    };
                };
            };
            /** @description validation_failed, invalid_multipart, bad_request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "bad_request" | "invalid_multipart" | "validation_failed";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description invalid_secret */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_secret";
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
    SendGridWebhooksController_signedEventBatch: {
        parameters: {
            query?: never;
            header: {
                /** @description SendGrid’s ECDSA (P-256) signature, base64, of the timestamp followed by the raw body, checked with the channel’s `eventWebhookPublicKey`. Required whenever the channel has that key */
                "x-twilio-email-event-webhook-signature": string;
                /** @description Unix seconds the signature was made; refused (signature_expired) when over 10 minutes old or 5 minutes ahead */
                "x-twilio-email-event-webhook-timestamp": string;
            };
            path: {
                /** @description The email channel (its webhook URLs are in the channel’s admin view) */
                channelId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    event: string;
                    sg_event_id?: string;
                    sg_message_id?: string;
                    messageId?: string;
                    timestamp?: number;
                    type?: string;
                    reason?: string;
                }[];
            };
        };
        responses: {
            /** @description Applied, already known, or about messages we do not know (nothing applied on a refusal) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "updated": 2,
                     *       "unchanged": 0,
                     *       "duplicates": 1,
                     *       "unknownMessages": 0,
                     *       "ignored": 1,
                     *       "suppressed": 0,
                     *       "convertedToSecure": 0
                     *     }
                     */
                    "application/json": {
                        /** @description Events that moved a message’s status forward */
                        updated: number;
                        /** @description Events about a status the message already had or passed */
                        unchanged: number;
                        /** @description Events (by sg_event_id) applied before */
                        duplicates: number;
                        /** @description Events about messages we did not send */
                        unknownMessages: number;
                        /** @description Events that say nothing about delivery */
                        ignored: number;
                        /** @description Events whose only effect is that the address is suppressed (spam report, unsubscribe) */
                        suppressed: number;
                        /** @description Enforced TLS refusals of a plain email (the recipient’s server cannot take TLS): the message now goes as a secure message with a PHI-free notice */
                        convertedToSecure: number;
                    };
                };
            };
            /** @description validation_failed, bad_request */
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
            /** @description invalid_signature, signature_expired, invalid_secret, events_unauthenticated */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "events_unauthenticated" | "invalid_secret" | "invalid_signature" | "signature_expired";
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
    SendGridWebhooksController_eventBatchWithSecret: {
        parameters: {
            query?: never;
            header?: {
                /** @description SendGrid’s ECDSA (P-256) signature, base64, of the timestamp followed by the raw body, checked with the channel’s `eventWebhookPublicKey`. Required whenever the channel has that key */
                "x-twilio-email-event-webhook-signature"?: string;
                /** @description Unix seconds the signature was made; refused (signature_expired) when over 10 minutes old or 5 minutes ahead */
                "x-twilio-email-event-webhook-timestamp"?: string;
            };
            path: {
                /** @description The email channel (its webhook URLs are in the channel’s admin view) */
                channelId: string;
                /** @description The channel’s events secret, from the URL its admin view issued (shown once) */
                secret: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    event: string;
                    sg_event_id?: string;
                    sg_message_id?: string;
                    messageId?: string;
                    timestamp?: number;
                    type?: string;
                    reason?: string;
                }[];
            };
        };
        responses: {
            /** @description Applied, already known, or about messages we do not know (nothing applied on a refusal) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "updated": 2,
                     *       "unchanged": 0,
                     *       "duplicates": 1,
                     *       "unknownMessages": 0,
                     *       "ignored": 1,
                     *       "suppressed": 0,
                     *       "convertedToSecure": 0
                     *     }
                     */
                    "application/json": {
                        /** @description Events that moved a message’s status forward */
                        updated: number;
                        /** @description Events about a status the message already had or passed */
                        unchanged: number;
                        /** @description Events (by sg_event_id) applied before */
                        duplicates: number;
                        /** @description Events about messages we did not send */
                        unknownMessages: number;
                        /** @description Events that say nothing about delivery */
                        ignored: number;
                        /** @description Events whose only effect is that the address is suppressed (spam report, unsubscribe) */
                        suppressed: number;
                        /** @description Enforced TLS refusals of a plain email (the recipient’s server cannot take TLS): the message now goes as a secure message with a PHI-free notice */
                        convertedToSecure: number;
                    };
                };
            };
            /** @description validation_failed, bad_request */
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
            /** @description invalid_signature, signature_expired, invalid_secret */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_secret" | "invalid_signature" | "signature_expired";
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
                    /** @description A plain SMS holds at most 1600 characters (422 body_too_long beyond) */
                    body: string;
                    /**
                     * @description Defaults to the conversation's last channel that has an address
                     * @enum {string}
                     */
                    channel?: "sms" | "email" | "chat";
                    /** @description Files uploaded with POST /v1/attachments, delivered through the secure link only: with attachments the whole message goes as a secure link (routeReason has_attachments when it could have gone plain). 422 attachment_unavailable (not an unsent upload of this practice) or attachment_expired */
                    attachmentIds?: string[];
                };
            };
        };
        responses: {
            /** @description Accepted: queued for delivery (or sent in the chat) */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "messageId": "7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e0f",
                     *       "channel": "sms",
                     *       "deliveryRoute": "secure_link",
                     *       "routeReason": "no_consent",
                     *       "status": "queued"
                     *     }
                     */
                    "application/json": {
                        /** Format: uuid */
                        messageId: string;
                        /** @enum {string} */
                        channel: "sms" | "email" | "chat";
                        /**
                         * @description plain: the text itself (consent for that address); secure_link: a PHI-free notice with a link to the secure message page; chat: answered in the live website chat
                         * @enum {string}
                         */
                        deliveryRoute: "plain" | "secure_link" | "chat";
                        /** @description Why a reply goes as a secure link (no_consent, consent_declined, consent_revoked, has_attachments, no_tls: the mail server of the address refused a TLS-required email within the noTlsRecheckDays setting, ...) */
                        routeReason: string | null;
                        /** @description queued for SMS and email (sent by the worker); a chat reply is sent */
                        status: string;
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
            /** @description recipient_opted_out, email_suppressed, chat_session_expired, chat_session_unproven, concurrent_change */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "chat_session_expired" | "chat_session_unproven" | "concurrent_change" | "email_suppressed" | "recipient_opted_out";
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
            /** @description no_reachable_address, no_sender_channel, body_too_long, attachment_unavailable, attachment_expired */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "attachment_expired" | "attachment_unavailable" | "body_too_long" | "no_reachable_address" | "no_sender_channel";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
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
                waiting?: "over_sla";
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of conversations */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "id": "0b5d3c1e-8f2a-4c7d-9e1b-2a3f4c5d6e7f",
                     *           "contact": {
                     *             "id": "5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b",
                     *             "displayName": "Jane Doe"
                     *           },
                     *           "status": "open",
                     *           "priority": "normal",
                     *           "assigneeId": null,
                     *           "teamId": null,
                     *           "tags": [
                     *             "billing"
                     *           ],
                     *           "leadStage": "new",
                     *           "lastMessageAt": "2026-03-02T14:05:09.123Z",
                     *           "lastMessagePreview": "Can I move my appointment?",
                     *           "lastChannel": "sms",
                     *           "unreadCount": 1,
                     *           "unread": true,
                     *           "snoozedUntil": null,
                     *           "secureMessageUnread": false,
                     *           "waitingSince": "2026-03-02T14:05:09.123Z",
                     *           "slaBreachedAt": null,
                     *           "closedAt": null,
                     *           "createdAt": "2026-03-02T14:05:09.123Z"
                     *         }
                     *       ],
                     *       "nextCursor": null
                     *     }
                     */
                    "application/json": {
                        data: {
                            /** Format: uuid */
                            id: string;
                            contact: {
                                /** Format: uuid */
                                id: string;
                                displayName: string | null;
                            };
                            /** @enum {string} */
                            status: "open" | "pending" | "closed" | "snoozed";
                            /** @enum {string} */
                            priority: "low" | "normal" | "high" | "urgent";
                            assigneeId: string | null;
                            /** @description The team a routing rule sent it to (filter: assignee=team:<teamId>); null: none */
                            teamId: string | null;
                            tags: string[];
                            /** @description The contact's lead stage */
                            leadStage: ("new" | "contacted" | "scheduled" | "patient" | "lost") | null;
                            lastMessageAt: string | null;
                            lastMessagePreview: string | null;
                            lastChannel: ("sms" | "email" | "webform" | "chat" | "portal") | null;
                            /** @description Inbound messages since the conversation was last marked read (by anyone) */
                            unreadCount: number;
                            /** @description Whether the caller has not read up to the newest message */
                            unread: boolean;
                            /** @description Set only while the status is snoozed */
                            snoozedUntil: string | null;
                            /** @description A secure message of this conversation was not opened after its last reminder (see the practice settings secureReminderMax/secureReminderDelayHours); cleared when the patient next reads the conversation in the portal */
                            secureMessageUnread: boolean;
                            /** @description The patient's first message since the last staff reply (notes, system texts and consent requests do not count); null when nobody is waiting */
                            waitingSince: string | null;
                            /** @description When this wait went over the practice's SLA (settings slaMinutes); cleared by a staff reply or a close */
                            slaBreachedAt: string | null;
                            closedAt: string | null;
                            /** Format: date-time */
                            createdAt: string;
                        }[];
                        /** @description Pass as `cursor` for the next page; null on the last page */
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
    RepliesController_start: {
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
                     * Format: uuid
                     * @description The contact to write to (POST /v1/contacts enters a new one)
                     */
                    contactId: string;
                    /** @enum {string} */
                    channel: "sms" | "email";
                    /** @description A plain SMS holds at most 1600 characters (422 body_too_long beyond) */
                    body: string;
                    /** @description Files uploaded with POST /v1/attachments, delivered through the secure link only: with attachments the whole message goes as a secure link (routeReason has_attachments when it could have gone plain). 422 attachment_unavailable (not an unsent upload of this practice) or attachment_expired */
                    attachmentIds?: string[];
                };
            };
        };
        responses: {
            /** @description Accepted: queued for delivery */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "conversationId": "0b9f7c1e-5a2d-4e8b-9c3f-6d1a2b3c4d5e",
                     *       "messageId": "7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e0f",
                     *       "channel": "sms",
                     *       "deliveryRoute": "secure_link",
                     *       "routeReason": "no_consent",
                     *       "status": "queued"
                     *     }
                     */
                    "application/json": {
                        /** Format: uuid */
                        messageId: string;
                        /** @enum {string} */
                        channel: "sms" | "email" | "chat";
                        /**
                         * @description plain: the text itself (consent for that address); secure_link: a PHI-free notice with a link to the secure message page; chat: answered in the live website chat
                         * @enum {string}
                         */
                        deliveryRoute: "plain" | "secure_link" | "chat";
                        /** @description Why a reply goes as a secure link (no_consent, consent_declined, consent_revoked, has_attachments, no_tls: the mail server of the address refused a TLS-required email within the noTlsRecheckDays setting, ...) */
                        routeReason: string | null;
                        /** @description queued for SMS and email (sent by the worker); a chat reply is sent */
                        status: string;
                        /**
                         * Format: uuid
                         * @description The conversation the message went into
                         */
                        conversationId: string;
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
            /** @description recipient_opted_out, email_suppressed, concurrent_change */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "concurrent_change" | "email_suppressed" | "recipient_opted_out";
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
            /** @description no_reachable_address, no_sender_channel, body_too_long, attachment_unavailable, attachment_expired */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "attachment_expired" | "attachment_unavailable" | "body_too_long" | "no_reachable_address" | "no_sender_channel";
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
            /** @description The delivery state */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e0f",
                     *       "conversationId": "0b5d3c1e-8f2a-4c7d-9e1b-2a3f4c5d6e7f",
                     *       "direction": "outbound",
                     *       "channel": "sms",
                     *       "kind": "message",
                     *       "status": "delivered",
                     *       "deliveryRoute": "plain",
                     *       "routeReason": null,
                     *       "error": null,
                     *       "attempts": 1,
                     *       "retractedAt": null,
                     *       "createdAt": "2026-03-02T14:05:09.123Z",
                     *       "updatedAt": "2026-03-02T14:05:09.123Z"
                     *     }
                     */
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        conversationId: string;
                        /** @enum {string} */
                        direction: "inbound" | "outbound";
                        /** @enum {string} */
                        channel: "sms" | "email" | "webform" | "chat" | "portal";
                        /** @enum {string} */
                        kind: "message" | "note" | "system";
                        /** @description Outbound: queued, sending, sent, delivered, read, failed, undelivered; inbound: received; notes: internal */
                        status: string;
                        deliveryRoute: ("plain" | "secure_link" | "chat") | null;
                        /** @description Why a reply goes as a secure link (no_consent, consent_declined, consent_revoked, has_attachments, no_tls: the mail server of the address refused a TLS-required email within the noTlsRecheckDays setting, ...) */
                        routeReason: string | null;
                        /** @description Why delivery failed: a code and a fixed text (never provider text) */
                        error: {
                            code: string;
                            message: string;
                        } | null;
                        /** @description Delivery attempts so far */
                        attempts: number;
                        /** @description Staff retracted this secure message: its links are dead, the patient no longer sees it */
                        retractedAt: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
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
            /** @description The consent ledger of the contact (an audited read) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "current": [
                     *         {
                     *           "id": "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
                     *           "channel": "sms",
                     *           "address": "+15555550123",
                     *           "decision": "granted",
                     *           "method": "verbal_attested",
                     *           "actor": {
                     *             "type": "user",
                     *             "id": "3a4b5c6d-7e8f-4a9b-8c0d-1e2f3a4b5c6d"
                     *           },
                     *           "consentRequestId": null,
                     *           "formSubmissionId": null,
                     *           "disclosureVersion": "sms-2026-01",
                     *           "disclosureHash": "4f1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c",
                     *           "at": "2026-03-02T14:05:09.123Z"
                     *         }
                     *       ],
                     *       "history": [
                     *         {
                     *           "id": "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
                     *           "channel": "sms",
                     *           "address": "+15555550123",
                     *           "decision": "granted",
                     *           "method": "verbal_attested",
                     *           "actor": {
                     *             "type": "user",
                     *             "id": "3a4b5c6d-7e8f-4a9b-8c0d-1e2f3a4b5c6d"
                     *           },
                     *           "consentRequestId": null,
                     *           "formSubmissionId": null,
                     *           "disclosureVersion": "sms-2026-01",
                     *           "disclosureHash": "4f1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c",
                     *           "at": "2026-03-02T14:05:09.123Z"
                     *         }
                     *       ],
                     *       "smsOptOut": null,
                     *       "emailSuppression": null
                     *     }
                     */
                    "application/json": {
                        /** @description The latest record per channel and address: what the consent gate decides on */
                        current: {
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            channel: "sms" | "email";
                            /** @description The phone number (E.164) or email address the record is for */
                            address: string;
                            /** @enum {string} */
                            decision: "granted" | "declined" | "revoked";
                            /**
                             * @description form_checkbox: records from before double opt-in only (a ticked box alone grants nothing now)
                             * @enum {string}
                             */
                            method: "sms_keyword" | "email_link" | "web_link" | "verbal_attested" | "written_attested" | "form_checkbox" | "opt_out_keyword" | "provider_opt_out" | "staff_revoked";
                            actor: {
                                /** @enum {string} */
                                type: "user" | "patient" | "provider" | "system";
                                /** @description The user, contact, provider or system process that recorded it */
                                id: string;
                            };
                            /** @description The consent request this record answers */
                            consentRequestId: string | null;
                            /** @description The web form whose ticked box led to the request this record answers (intent, then confirmed) */
                            formSubmissionId: string | null;
                            disclosureVersion: string | null;
                            /** @description SHA-256 of the disclosure text shown */
                            disclosureHash: string | null;
                            /** Format: date-time */
                            at: string;
                        }[];
                        /** @description Every record, newest first */
                        history: {
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            channel: "sms" | "email";
                            /** @description The phone number (E.164) or email address the record is for */
                            address: string;
                            /** @enum {string} */
                            decision: "granted" | "declined" | "revoked";
                            /**
                             * @description form_checkbox: records from before double opt-in only (a ticked box alone grants nothing now)
                             * @enum {string}
                             */
                            method: "sms_keyword" | "email_link" | "web_link" | "verbal_attested" | "written_attested" | "form_checkbox" | "opt_out_keyword" | "provider_opt_out" | "staff_revoked";
                            actor: {
                                /** @enum {string} */
                                type: "user" | "patient" | "provider" | "system";
                                /** @description The user, contact, provider or system process that recorded it */
                                id: string;
                            };
                            /** @description The consent request this record answers */
                            consentRequestId: string | null;
                            /** @description The web form whose ticked box led to the request this record answers (intent, then confirmed) */
                            formSubmissionId: string | null;
                            disclosureVersion: string | null;
                            /** @description SHA-256 of the disclosure text shown */
                            disclosureHash: string | null;
                            /** Format: date-time */
                            at: string;
                        }[];
                        /** @description The phone on file opted out of texts (nothing is sent to it until it texts START); null when it did not, or there is no phone */
                        smsOptOut: {
                            /**
                             * Format: date-time
                             * @description When the number opted out (its latest opt-out event)
                             */
                            since: string;
                            /**
                             * @description keyword: the patient texted STOP (or Twilio reported OptOutType STOP); provider: Twilio refused a send with 21610 (the number had sent STOP to the carrier); staff: recorded by staff
                             * @enum {string}
                             */
                            source: "keyword" | "provider" | "staff";
                            /** @description The keyword texted (STOP, UNSUBSCRIBE...), when one was */
                            keyword: string | null;
                        } | null;
                        /** @description The email on file is suppressed (hard bounce, drop, spam report or unsubscribe: nothing is emailed until staff lift it, POST /v1/contacts/{id}/email-suppression/lift); null when it is not, or there is no email */
                        emailSuppression: {
                            /**
                             * Format: date-time
                             * @description When the address was suppressed
                             */
                            since: string;
                            /** @enum {string} */
                            reason: "bounce" | "dropped" | "spamreport" | "unsubscribe";
                        } | null;
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
                    /** @description The contact's phone number (sms) or email address (email) on file, in any common format; defaults to it (400 validation_failed if it is not a phone number or email; 422 address_not_on_contact if another) */
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
            /** @description The record added to the ledger */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
                     *       "channel": "sms",
                     *       "address": "+15555550123",
                     *       "decision": "granted",
                     *       "method": "verbal_attested",
                     *       "actor": {
                     *         "type": "user",
                     *         "id": "3a4b5c6d-7e8f-4a9b-8c0d-1e2f3a4b5c6d"
                     *       },
                     *       "consentRequestId": null,
                     *       "formSubmissionId": null,
                     *       "disclosureVersion": "sms-2026-01",
                     *       "disclosureHash": "4f1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c",
                     *       "at": "2026-03-02T14:05:09.123Z"
                     *     }
                     */
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** @enum {string} */
                        channel: "sms" | "email";
                        /** @description The phone number (E.164) or email address the record is for */
                        address: string;
                        /** @enum {string} */
                        decision: "granted" | "declined" | "revoked";
                        /**
                         * @description form_checkbox: records from before double opt-in only (a ticked box alone grants nothing now)
                         * @enum {string}
                         */
                        method: "sms_keyword" | "email_link" | "web_link" | "verbal_attested" | "written_attested" | "form_checkbox" | "opt_out_keyword" | "provider_opt_out" | "staff_revoked";
                        actor: {
                            /** @enum {string} */
                            type: "user" | "patient" | "provider" | "system";
                            /** @description The user, contact, provider or system process that recorded it */
                            id: string;
                        };
                        /** @description The consent request this record answers */
                        consentRequestId: string | null;
                        /** @description The web form whose ticked box led to the request this record answers (intent, then confirmed) */
                        formSubmissionId: string | null;
                        disclosureVersion: string | null;
                        /** @description SHA-256 of the disclosure text shown */
                        disclosureHash: string | null;
                        /** Format: date-time */
                        at: string;
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
            /** @description no_reachable_address, address_not_on_contact */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "address_not_on_contact" | "no_reachable_address";
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
            /** @description Queued for delivery */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "requestId": "6d7e8f9a-0b1c-4d2e-8f3a-4b5c6d7e8f9a",
                     *       "expiresAt": "2026-03-09T14:05:09.123Z",
                     *       "messageId": "7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e0f"
                     *     }
                     */
                    "application/json": {
                        /** Format: uuid */
                        requestId: string;
                        /** Format: date-time */
                        expiresAt: string;
                        /**
                         * Format: uuid
                         * @description The outbound message carrying the request (its delivery state: GET /v1/messages/{id})
                         */
                        messageId: string;
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
            /** @description consent_request_live, recipient_opted_out */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "consent_request_live" | "recipient_opted_out";
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
            /** @description no_reachable_address, no_sender_channel */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "no_reachable_address" | "no_sender_channel";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description consent_request_rate_limited */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "consent_request_rate_limited";
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
                    /** @description The contact's phone number (sms) or email address (email) on file, in any common format; defaults to it (400 validation_failed if it is not a phone number or email; 422 address_not_on_contact if another) */
                    address?: string;
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description The revocation added to the ledger */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
                     *       "channel": "sms",
                     *       "address": "+15555550123",
                     *       "decision": "revoked",
                     *       "method": "staff_revoked",
                     *       "actor": {
                     *         "type": "user",
                     *         "id": "3a4b5c6d-7e8f-4a9b-8c0d-1e2f3a4b5c6d"
                     *       },
                     *       "consentRequestId": null,
                     *       "formSubmissionId": null,
                     *       "disclosureVersion": null,
                     *       "disclosureHash": null,
                     *       "at": "2026-03-02T14:05:09.123Z"
                     *     }
                     */
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** @enum {string} */
                        channel: "sms" | "email";
                        /** @description The phone number (E.164) or email address the record is for */
                        address: string;
                        /** @enum {string} */
                        decision: "granted" | "declined" | "revoked";
                        /**
                         * @description form_checkbox: records from before double opt-in only (a ticked box alone grants nothing now)
                         * @enum {string}
                         */
                        method: "sms_keyword" | "email_link" | "web_link" | "verbal_attested" | "written_attested" | "form_checkbox" | "opt_out_keyword" | "provider_opt_out" | "staff_revoked";
                        actor: {
                            /** @enum {string} */
                            type: "user" | "patient" | "provider" | "system";
                            /** @description The user, contact, provider or system process that recorded it */
                            id: string;
                        };
                        /** @description The consent request this record answers */
                        consentRequestId: string | null;
                        /** @description The web form whose ticked box led to the request this record answers (intent, then confirmed) */
                        formSubmissionId: string | null;
                        disclosureVersion: string | null;
                        /** @description SHA-256 of the disclosure text shown */
                        disclosureHash: string | null;
                        /** Format: date-time */
                        at: string;
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
            /** @description no_reachable_address, address_not_on_contact */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "address_not_on_contact" | "no_reachable_address";
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
            /** @description The address may be emailed again */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "channel": "email",
                     *       "address": "jane@example.com",
                     *       "suppressed": false
                     *     }
                     */
                    "application/json": {
                        /** @constant */
                        channel: "email";
                        address: string;
                        /** @constant */
                        suppressed: false;
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
            /** @description not_suppressed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "not_suppressed";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description no_reachable_address */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "no_reachable_address";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    SecureMessageController_open: {
        parameters: {
            query?: {
                /** @description After a redirect: `code` (a code was sent) or `replied` (the reply was sent); others are ignored */
                notice?: "code" | "replied";
            };
            header?: never;
            path: {
                /** @description The secure message token from the link the patient received (an unknown one answers the neutral page) */
                token: string;
            };
            cookie?: {
                /** @description Set by any page; a form post needs it with the matching `csrf` field */
                portal_csrf?: string;
                /** @description Set by a successful identity check (path /s/, idle timeout server-side): opens the thread */
                portal_session?: string;
            };
        };
        requestBody?: never;
        responses: {
            /** @description The identity check page, or the thread */
            200: {
                headers: {
                    /** @description default-src 'none' with a per-response style nonce: no script, no framing, forms post to self */
                    "Content-Security-Policy"?: string;
                    /** @description no-store: pages hold PHI and the token is in the URL */
                    "Cache-Control"?: string;
                    /** @description no-referrer */
                    "Referrer-Policy"?: string;
                    /** @description `portal_csrf` (HttpOnly, SameSite=Strict, Secure over HTTPS, path /) when the browser had none: the value the forms on the page are signed with */
                    "Set-Cookie"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description The link is locked after too many failed identity checks (the practice was told) */
            403: {
                headers: {
                    /** @description default-src 'none' with a per-response style nonce: no script, no framing, forms post to self */
                    "Content-Security-Policy"?: string;
                    /** @description no-store: pages hold PHI and the token is in the URL */
                    "Cache-Control"?: string;
                    /** @description no-referrer */
                    "Referrer-Policy"?: string;
                    /** @description `portal_csrf` (HttpOnly, SameSite=Strict, Secure over HTTPS, path /) when the browser had none: the value the forms on the page are signed with */
                    "Set-Cookie"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description The neutral "link not available" page: unknown, expired or no longer valid link */
            404: {
                headers: {
                    /** @description default-src 'none' with a per-response style nonce: no script, no framing, forms post to self */
                    "Content-Security-Policy"?: string;
                    /** @description no-store: pages hold PHI and the token is in the URL */
                    "Cache-Control"?: string;
                    /** @description no-referrer */
                    "Referrer-Policy"?: string;
                    /** @description `portal_csrf` (HttpOnly, SameSite=Strict, Secure over HTTPS, path /) when the browser had none: the value the forms on the page are signed with */
                    "Set-Cookie"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /** @example <!doctype html><html lang="en"><head><title>Link not available</title>…</head><body><main><h1>This link is not available</h1><div class="card"><p>The link may have expired or is no longer valid. …</p></div></main></body></html> */
                    "text/html": string;
                };
            };
        };
    };
    SecureMessageController_sendCode: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The secure message token from the link the patient received (an unknown one answers the neutral page) */
                token: string;
            };
            cookie?: {
                /** @description Set by any page; a form post needs it with the matching `csrf` field */
                portal_csrf?: string;
                /** @description Set by a successful identity check (path /s/, idle timeout server-side): opens the thread */
                portal_session?: string;
            };
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": {
                    /** @description The form token rendered into the page's forms (it only works with the portal_csrf cookie it was made for) */
                    csrf: string;
                };
            };
        };
        responses: {
            /** @description The code is on its way: back to the page with a notice */
            303: {
                headers: {
                    /** @description /s/{token}?notice=code */
                    Location?: string;
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
            /** @description The CSRF pair does not match ("This form expired" page), or the link is locked */
            403: {
                headers: {
                    /** @description default-src 'none' with a per-response style nonce: no script, no framing, forms post to self */
                    "Content-Security-Policy"?: string;
                    /** @description no-store: pages hold PHI and the token is in the URL */
                    "Cache-Control"?: string;
                    /** @description no-referrer */
                    "Referrer-Policy"?: string;
                    /** @description `portal_csrf` (HttpOnly, SameSite=Strict, Secure over HTTPS, path /) when the browser had none: the value the forms on the page are signed with */
                    "Set-Cookie"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description The neutral "link not available" page: unknown, expired or no longer valid link */
            404: {
                headers: {
                    /** @description default-src 'none' with a per-response style nonce: no script, no framing, forms post to self */
                    "Content-Security-Policy"?: string;
                    /** @description no-store: pages hold PHI and the token is in the URL */
                    "Cache-Control"?: string;
                    /** @description no-referrer */
                    "Referrer-Policy"?: string;
                    /** @description `portal_csrf` (HttpOnly, SameSite=Strict, Secure over HTTPS, path /) when the browser had none: the value the forms on the page are signed with */
                    "Set-Cookie"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /** @example <!doctype html><html lang="en"><head><title>Link not available</title>…</head><body><main><h1>This link is not available</h1><div class="card"><p>The link may have expired or is no longer valid. …</p></div></main></body></html> */
                    "text/html": string;
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
            /** @description Too many form posts from this address or to this link; nothing was done */
            429: {
                headers: {
                    /** @description default-src 'none' with a per-response style nonce: no script, no framing, forms post to self */
                    "Content-Security-Policy"?: string;
                    /** @description no-store: pages hold PHI and the token is in the URL */
                    "Cache-Control"?: string;
                    /** @description no-referrer */
                    "Referrer-Policy"?: string;
                    /** @description `portal_csrf` (HttpOnly, SameSite=Strict, Secure over HTTPS, path /) when the browser had none: the value the forms on the page are signed with */
                    "Set-Cookie"?: string;
                    /** @description Seconds to wait (900) */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
        };
    };
    SecureMessageController_verify: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The secure message token from the link the patient received (an unknown one answers the neutral page) */
                token: string;
            };
            cookie?: {
                /** @description Set by any page; a form post needs it with the matching `csrf` field */
                portal_csrf?: string;
                /** @description Set by a successful identity check (path /s/, idle timeout server-side): opens the thread */
                portal_session?: string;
            };
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": {
                    /** @description The 6-digit one-time code sent to the address the link went to */
                    code: string;
                    /**
                     * Format: date
                     * @description YYYY-MM-DD; required when the practice asks for it (the page shows the field)
                     */
                    dateOfBirth?: string;
                    /** @description The form token rendered into the page's forms (it only works with the portal_csrf cookie it was made for) */
                    csrf: string;
                };
            };
        };
        responses: {
            /** @description Verified: to the thread */
            303: {
                headers: {
                    /** @description /s/{token} */
                    Location?: string;
                    /** @description portal_session (HttpOnly, SameSite=Strict, Secure over HTTPS, path /s/): the verified session */
                    "Set-Cookie"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The identity check page again: the fields are not a 6-digit code (and a date), or no code is live */
            400: {
                headers: {
                    /** @description default-src 'none' with a per-response style nonce: no script, no framing, forms post to self */
                    "Content-Security-Policy"?: string;
                    /** @description no-store: pages hold PHI and the token is in the URL */
                    "Cache-Control"?: string;
                    /** @description no-referrer */
                    "Referrer-Policy"?: string;
                    /** @description `portal_csrf` (HttpOnly, SameSite=Strict, Secure over HTTPS, path /) when the browser had none: the value the forms on the page are signed with */
                    "Set-Cookie"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
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
            /** @description The CSRF pair does not match ("This form expired" page), or the link is locked */
            403: {
                headers: {
                    /** @description default-src 'none' with a per-response style nonce: no script, no framing, forms post to self */
                    "Content-Security-Policy"?: string;
                    /** @description no-store: pages hold PHI and the token is in the URL */
                    "Cache-Control"?: string;
                    /** @description no-referrer */
                    "Referrer-Policy"?: string;
                    /** @description `portal_csrf` (HttpOnly, SameSite=Strict, Secure over HTTPS, path /) when the browser had none: the value the forms on the page are signed with */
                    "Set-Cookie"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description The neutral "link not available" page: unknown, expired or no longer valid link */
            404: {
                headers: {
                    /** @description default-src 'none' with a per-response style nonce: no script, no framing, forms post to self */
                    "Content-Security-Policy"?: string;
                    /** @description no-store: pages hold PHI and the token is in the URL */
                    "Cache-Control"?: string;
                    /** @description no-referrer */
                    "Referrer-Policy"?: string;
                    /** @description `portal_csrf` (HttpOnly, SameSite=Strict, Secure over HTTPS, path /) when the browser had none: the value the forms on the page are signed with */
                    "Set-Cookie"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /** @example <!doctype html><html lang="en"><head><title>Link not available</title>…</head><body><main><h1>This link is not available</h1><div class="card"><p>The link may have expired or is no longer valid. …</p></div></main></body></html> */
                    "text/html": string;
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
            /** @description The identity check page again: the code or the date of birth did not match (tries left shown) */
            422: {
                headers: {
                    /** @description default-src 'none' with a per-response style nonce: no script, no framing, forms post to self */
                    "Content-Security-Policy"?: string;
                    /** @description no-store: pages hold PHI and the token is in the URL */
                    "Cache-Control"?: string;
                    /** @description no-referrer */
                    "Referrer-Policy"?: string;
                    /** @description `portal_csrf` (HttpOnly, SameSite=Strict, Secure over HTTPS, path /) when the browser had none: the value the forms on the page are signed with */
                    "Set-Cookie"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Too many form posts from this address or to this link; nothing was done */
            429: {
                headers: {
                    /** @description default-src 'none' with a per-response style nonce: no script, no framing, forms post to self */
                    "Content-Security-Policy"?: string;
                    /** @description no-store: pages hold PHI and the token is in the URL */
                    "Cache-Control"?: string;
                    /** @description no-referrer */
                    "Referrer-Policy"?: string;
                    /** @description `portal_csrf` (HttpOnly, SameSite=Strict, Secure over HTTPS, path /) when the browser had none: the value the forms on the page are signed with */
                    "Set-Cookie"?: string;
                    /** @description Seconds to wait (900) */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
        };
    };
    SecureMessageController_reply: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The secure message token from the link the patient received (an unknown one answers the neutral page) */
                token: string;
            };
            cookie?: {
                /** @description Set by any page; a form post needs it with the matching `csrf` field */
                portal_csrf?: string;
                /** @description Set by a successful identity check (path /s/, idle timeout server-side): opens the thread */
                portal_session?: string;
            };
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": {
                    body: string;
                    /**
                     * Format: uuid
                     * @description Rendered into the reply form: the same reply posted twice (a double click) is stored once
                     */
                    submissionId: string;
                    /** @description The form token rendered into the page's forms (it only works with the portal_csrf cookie it was made for) */
                    csrf: string;
                };
            };
        };
        responses: {
            /** @description Sent: back to the thread with a notice; without a verified session, to the identity check */
            303: {
                headers: {
                    /** @description /s/{token}?notice=replied, or /s/{token} without a session */
                    Location?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description "Reply not sent": the reply is empty or longer than 5000 characters */
            400: {
                headers: {
                    /** @description default-src 'none' with a per-response style nonce: no script, no framing, forms post to self */
                    "Content-Security-Policy"?: string;
                    /** @description no-store: pages hold PHI and the token is in the URL */
                    "Cache-Control"?: string;
                    /** @description no-referrer */
                    "Referrer-Policy"?: string;
                    /** @description `portal_csrf` (HttpOnly, SameSite=Strict, Secure over HTTPS, path /) when the browser had none: the value the forms on the page are signed with */
                    "Set-Cookie"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
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
            /** @description The CSRF pair is missing or does not match ("This form expired" page); nothing was done */
            403: {
                headers: {
                    /** @description default-src 'none' with a per-response style nonce: no script, no framing, forms post to self */
                    "Content-Security-Policy"?: string;
                    /** @description no-store: pages hold PHI and the token is in the URL */
                    "Cache-Control"?: string;
                    /** @description no-referrer */
                    "Referrer-Policy"?: string;
                    /** @description `portal_csrf` (HttpOnly, SameSite=Strict, Secure over HTTPS, path /) when the browser had none: the value the forms on the page are signed with */
                    "Set-Cookie"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description The neutral "link not available" page: unknown, expired or no longer valid link */
            404: {
                headers: {
                    /** @description default-src 'none' with a per-response style nonce: no script, no framing, forms post to self */
                    "Content-Security-Policy"?: string;
                    /** @description no-store: pages hold PHI and the token is in the URL */
                    "Cache-Control"?: string;
                    /** @description no-referrer */
                    "Referrer-Policy"?: string;
                    /** @description `portal_csrf` (HttpOnly, SameSite=Strict, Secure over HTTPS, path /) when the browser had none: the value the forms on the page are signed with */
                    "Set-Cookie"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /** @example <!doctype html><html lang="en"><head><title>Link not available</title>…</head><body><main><h1>This link is not available</h1><div class="card"><p>The link may have expired or is no longer valid. …</p></div></main></body></html> */
                    "text/html": string;
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
            /** @description Too many form posts from this address or to this link; nothing was done */
            429: {
                headers: {
                    /** @description default-src 'none' with a per-response style nonce: no script, no framing, forms post to self */
                    "Content-Security-Policy"?: string;
                    /** @description no-store: pages hold PHI and the token is in the URL */
                    "Cache-Control"?: string;
                    /** @description no-referrer */
                    "Referrer-Policy"?: string;
                    /** @description `portal_csrf` (HttpOnly, SameSite=Strict, Secure over HTTPS, path /) when the browser had none: the value the forms on the page are signed with */
                    "Set-Cookie"?: string;
                    /** @description Seconds to wait (900) */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
        };
    };
    SecureMessageController_attachment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The secure message token from the link the patient received (an unknown one answers the neutral page) */
                token: string;
                /** @description Attachment id */
                id: string;
            };
            cookie?: {
                /** @description Set by any page; a form post needs it with the matching `csrf` field */
                portal_csrf?: string;
                /** @description Set by a successful identity check (path /s/, idle timeout server-side): opens the thread */
                portal_session?: string;
            };
        };
        requestBody?: never;
        responses: {
            /** @description The file, as a download, in the type it was received as */
            200: {
                headers: {
                    /** @description attachment (never shown inline); filename="<ASCII fallback>"; filename*=UTF-8''<the file name, percent-encoded> */
                    "Content-Disposition"?: string;
                    /** @description no-store */
                    "Cache-Control"?: string;
                    /** @description nosniff */
                    "X-Content-Type-Options"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "image/jpeg": string;
                    "image/png": string;
                    "image/gif": string;
                    "image/webp": string;
                    "image/heic": string;
                    "image/heif": string;
                    "image/tiff": string;
                    "application/pdf": string;
                    "text/vcard": string;
                    "text/x-vcard": string;
                    "text/plain": string;
                    "text/csv": string;
                    "text/calendar": string;
                    "audio/mpeg": string;
                    "audio/mp4": string;
                    "audio/amr": string;
                    "video/mp4": string;
                    "video/3gpp": string;
                    "application/msword": string;
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": string;
                    "application/vnd.ms-excel": string;
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    "application/rtf": string;
                    "application/octet-stream": string;
                };
            };
            /** @description The neutral "link not available" page: unknown, expired or no longer valid link */
            404: {
                headers: {
                    /** @description default-src 'none' with a per-response style nonce: no script, no framing, forms post to self */
                    "Content-Security-Policy"?: string;
                    /** @description no-store: pages hold PHI and the token is in the URL */
                    "Cache-Control"?: string;
                    /** @description no-referrer */
                    "Referrer-Policy"?: string;
                    /** @description `portal_csrf` (HttpOnly, SameSite=Strict, Secure over HTTPS, path /) when the browser had none: the value the forms on the page are signed with */
                    "Set-Cookie"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /** @example <!doctype html><html lang="en"><head><title>Link not available</title>…</head><body><main><h1>This link is not available</h1><div class="card"><p>The link may have expired or is no longer valid. …</p></div></main></body></html> */
                    "text/html": string;
                };
            };
        };
    };
    SecureMessageController_logout: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The secure message token from the link the patient received (an unknown one answers the neutral page) */
                token: string;
            };
            cookie?: {
                /** @description Set by any page; a form post needs it with the matching `csrf` field */
                portal_csrf?: string;
                /** @description Set by a successful identity check (path /s/, idle timeout server-side): opens the thread */
                portal_session?: string;
            };
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": {
                    /** @description The form token rendered into the page's forms (it only works with the portal_csrf cookie it was made for) */
                    csrf: string;
                };
            };
        };
        responses: {
            /** @description Signed out: to the identity check */
            303: {
                headers: {
                    /** @description /s/{token} */
                    Location?: string;
                    /** @description portal_session, expired (cleared) */
                    "Set-Cookie"?: string;
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
            /** @description The CSRF pair is missing or does not match ("This form expired" page); nothing was done */
            403: {
                headers: {
                    /** @description default-src 'none' with a per-response style nonce: no script, no framing, forms post to self */
                    "Content-Security-Policy"?: string;
                    /** @description no-store: pages hold PHI and the token is in the URL */
                    "Cache-Control"?: string;
                    /** @description no-referrer */
                    "Referrer-Policy"?: string;
                    /** @description `portal_csrf` (HttpOnly, SameSite=Strict, Secure over HTTPS, path /) when the browser had none: the value the forms on the page are signed with */
                    "Set-Cookie"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description The neutral "link not available" page: unknown, expired or no longer valid link */
            404: {
                headers: {
                    /** @description default-src 'none' with a per-response style nonce: no script, no framing, forms post to self */
                    "Content-Security-Policy"?: string;
                    /** @description no-store: pages hold PHI and the token is in the URL */
                    "Cache-Control"?: string;
                    /** @description no-referrer */
                    "Referrer-Policy"?: string;
                    /** @description `portal_csrf` (HttpOnly, SameSite=Strict, Secure over HTTPS, path /) when the browser had none: the value the forms on the page are signed with */
                    "Set-Cookie"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /** @example <!doctype html><html lang="en"><head><title>Link not available</title>…</head><body><main><h1>This link is not available</h1><div class="card"><p>The link may have expired or is no longer valid. …</p></div></main></body></html> */
                    "text/html": string;
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
            /** @description Too many form posts from this address or to this link; nothing was done */
            429: {
                headers: {
                    /** @description default-src 'none' with a per-response style nonce: no script, no framing, forms post to self */
                    "Content-Security-Policy"?: string;
                    /** @description no-store: pages hold PHI and the token is in the URL */
                    "Cache-Control"?: string;
                    /** @description no-referrer */
                    "Referrer-Policy"?: string;
                    /** @description `portal_csrf` (HttpOnly, SameSite=Strict, Secure over HTTPS, path /) when the browser had none: the value the forms on the page are signed with */
                    "Set-Cookie"?: string;
                    /** @description Seconds to wait (900) */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
        };
    };
    ConsentPagesController_consentForm: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The consent request token from the link the patient received (an unknown one answers the neutral page) */
                token: string;
            };
            cookie?: {
                /** @description Set by any page; a form post needs it with the matching `csrf` field */
                portal_csrf?: string;
            };
        };
        requestBody?: never;
        responses: {
            /** @description The disclosure with Accept and Decline, or the answer already given */
            200: {
                headers: {
                    /** @description default-src 'none' with a per-response style nonce: no script, no framing, forms post to self */
                    "Content-Security-Policy"?: string;
                    /** @description no-store: pages hold PHI and the token is in the URL */
                    "Cache-Control"?: string;
                    /** @description no-referrer */
                    "Referrer-Policy"?: string;
                    /** @description `portal_csrf` (HttpOnly, SameSite=Strict, Secure over HTTPS, path /) when the browser had none: the value the forms on the page are signed with */
                    "Set-Cookie"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description The neutral "link not available" page: unknown, expired or no longer valid link */
            404: {
                headers: {
                    /** @description default-src 'none' with a per-response style nonce: no script, no framing, forms post to self */
                    "Content-Security-Policy"?: string;
                    /** @description no-store: pages hold PHI and the token is in the URL */
                    "Cache-Control"?: string;
                    /** @description no-referrer */
                    "Referrer-Policy"?: string;
                    /** @description `portal_csrf` (HttpOnly, SameSite=Strict, Secure over HTTPS, path /) when the browser had none: the value the forms on the page are signed with */
                    "Set-Cookie"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /** @example <!doctype html><html lang="en"><head><title>Link not available</title>…</head><body><main><h1>This link is not available</h1><div class="card"><p>The link may have expired or is no longer valid. …</p></div></main></body></html> */
                    "text/html": string;
                };
            };
        };
    };
    ConsentPagesController_consentAnswer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The consent request token from the link the patient received (an unknown one answers the neutral page) */
                token: string;
            };
            cookie?: {
                /** @description Set by any page; a form post needs it with the matching `csrf` field */
                portal_csrf?: string;
            };
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": {
                    /**
                     * @description The button pressed
                     * @enum {string}
                     */
                    decision: "accept" | "decline";
                    /** @description The form token rendered into the page's forms (it only works with the portal_csrf cookie it was made for) */
                    csrf: string;
                };
            };
        };
        responses: {
            /** @description "Thank you": the answer is recorded */
            200: {
                headers: {
                    /** @description default-src 'none' with a per-response style nonce: no script, no framing, forms post to self */
                    "Content-Security-Policy"?: string;
                    /** @description no-store: pages hold PHI and the token is in the URL */
                    "Cache-Control"?: string;
                    /** @description no-referrer */
                    "Referrer-Policy"?: string;
                    /** @description `portal_csrf` (HttpOnly, SameSite=Strict, Secure over HTTPS, path /) when the browser had none: the value the forms on the page are signed with */
                    "Set-Cookie"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description "Please choose": the decision is neither accept nor decline */
            400: {
                headers: {
                    /** @description default-src 'none' with a per-response style nonce: no script, no framing, forms post to self */
                    "Content-Security-Policy"?: string;
                    /** @description no-store: pages hold PHI and the token is in the URL */
                    "Cache-Control"?: string;
                    /** @description no-referrer */
                    "Referrer-Policy"?: string;
                    /** @description `portal_csrf` (HttpOnly, SameSite=Strict, Secure over HTTPS, path /) when the browser had none: the value the forms on the page are signed with */
                    "Set-Cookie"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
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
            /** @description The CSRF pair is missing or does not match ("This form expired" page); nothing was done */
            403: {
                headers: {
                    /** @description default-src 'none' with a per-response style nonce: no script, no framing, forms post to self */
                    "Content-Security-Policy"?: string;
                    /** @description no-store: pages hold PHI and the token is in the URL */
                    "Cache-Control"?: string;
                    /** @description no-referrer */
                    "Referrer-Policy"?: string;
                    /** @description `portal_csrf` (HttpOnly, SameSite=Strict, Secure over HTTPS, path /) when the browser had none: the value the forms on the page are signed with */
                    "Set-Cookie"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description The neutral "link not available" page: unknown, expired or no longer valid link */
            404: {
                headers: {
                    /** @description default-src 'none' with a per-response style nonce: no script, no framing, forms post to self */
                    "Content-Security-Policy"?: string;
                    /** @description no-store: pages hold PHI and the token is in the URL */
                    "Cache-Control"?: string;
                    /** @description no-referrer */
                    "Referrer-Policy"?: string;
                    /** @description `portal_csrf` (HttpOnly, SameSite=Strict, Secure over HTTPS, path /) when the browser had none: the value the forms on the page are signed with */
                    "Set-Cookie"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /** @example <!doctype html><html lang="en"><head><title>Link not available</title>…</head><body><main><h1>This link is not available</h1><div class="card"><p>The link may have expired or is no longer valid. …</p></div></main></body></html> */
                    "text/html": string;
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
            /** @description Too many form posts from this address or to this link; nothing was done */
            429: {
                headers: {
                    /** @description default-src 'none' with a per-response style nonce: no script, no framing, forms post to self */
                    "Content-Security-Policy"?: string;
                    /** @description no-store: pages hold PHI and the token is in the URL */
                    "Cache-Control"?: string;
                    /** @description no-referrer */
                    "Referrer-Policy"?: string;
                    /** @description `portal_csrf` (HttpOnly, SameSite=Strict, Secure over HTTPS, path /) when the browser had none: the value the forms on the page are signed with */
                    "Set-Cookie"?: string;
                    /** @description Seconds to wait (900) */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
        };
    };
    ConsentPagesController_unsubscribeForm: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The unsubscribe token from the link the patient received (an unknown one answers the neutral page) */
                token: string;
            };
            cookie?: {
                /** @description Set by any page; a form post needs it with the matching `csrf` field */
                portal_csrf?: string;
            };
        };
        requestBody?: never;
        responses: {
            /** @description The confirmation form */
            200: {
                headers: {
                    /** @description default-src 'none' with a per-response style nonce: no script, no framing, forms post to self */
                    "Content-Security-Policy"?: string;
                    /** @description no-store: pages hold PHI and the token is in the URL */
                    "Cache-Control"?: string;
                    /** @description no-referrer */
                    "Referrer-Policy"?: string;
                    /** @description `portal_csrf` (HttpOnly, SameSite=Strict, Secure over HTTPS, path /) when the browser had none: the value the forms on the page are signed with */
                    "Set-Cookie"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description The neutral "link not available" page: unknown, expired or no longer valid link */
            404: {
                headers: {
                    /** @description default-src 'none' with a per-response style nonce: no script, no framing, forms post to self */
                    "Content-Security-Policy"?: string;
                    /** @description no-store: pages hold PHI and the token is in the URL */
                    "Cache-Control"?: string;
                    /** @description no-referrer */
                    "Referrer-Policy"?: string;
                    /** @description `portal_csrf` (HttpOnly, SameSite=Strict, Secure over HTTPS, path /) when the browser had none: the value the forms on the page are signed with */
                    "Set-Cookie"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /** @example <!doctype html><html lang="en"><head><title>Link not available</title>…</head><body><main><h1>This link is not available</h1><div class="card"><p>The link may have expired or is no longer valid. …</p></div></main></body></html> */
                    "text/html": string;
                };
            };
        };
    };
    ConsentPagesController_unsubscribe: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The unsubscribe token from the link the patient received (an unknown one answers the neutral page) */
                token: string;
            };
            cookie?: {
                /** @description Set by any page; a form post needs it with the matching `csrf` field */
                portal_csrf?: string;
            };
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": {
                    /** @description The form token rendered into the page's forms (it only works with the portal_csrf cookie it was made for) */
                    csrf: string;
                };
            };
        };
        responses: {
            /** @description "Done": unencrypted email to this address is stopped */
            200: {
                headers: {
                    /** @description default-src 'none' with a per-response style nonce: no script, no framing, forms post to self */
                    "Content-Security-Policy"?: string;
                    /** @description no-store: pages hold PHI and the token is in the URL */
                    "Cache-Control"?: string;
                    /** @description no-referrer */
                    "Referrer-Policy"?: string;
                    /** @description `portal_csrf` (HttpOnly, SameSite=Strict, Secure over HTTPS, path /) when the browser had none: the value the forms on the page are signed with */
                    "Set-Cookie"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
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
            /** @description The CSRF pair is missing or does not match ("This form expired" page); nothing was done */
            403: {
                headers: {
                    /** @description default-src 'none' with a per-response style nonce: no script, no framing, forms post to self */
                    "Content-Security-Policy"?: string;
                    /** @description no-store: pages hold PHI and the token is in the URL */
                    "Cache-Control"?: string;
                    /** @description no-referrer */
                    "Referrer-Policy"?: string;
                    /** @description `portal_csrf` (HttpOnly, SameSite=Strict, Secure over HTTPS, path /) when the browser had none: the value the forms on the page are signed with */
                    "Set-Cookie"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description The neutral "link not available" page: unknown, expired or no longer valid link */
            404: {
                headers: {
                    /** @description default-src 'none' with a per-response style nonce: no script, no framing, forms post to self */
                    "Content-Security-Policy"?: string;
                    /** @description no-store: pages hold PHI and the token is in the URL */
                    "Cache-Control"?: string;
                    /** @description no-referrer */
                    "Referrer-Policy"?: string;
                    /** @description `portal_csrf` (HttpOnly, SameSite=Strict, Secure over HTTPS, path /) when the browser had none: the value the forms on the page are signed with */
                    "Set-Cookie"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /** @example <!doctype html><html lang="en"><head><title>Link not available</title>…</head><body><main><h1>This link is not available</h1><div class="card"><p>The link may have expired or is no longer valid. …</p></div></main></body></html> */
                    "text/html": string;
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
            /** @description Too many form posts from this address or to this link; nothing was done */
            429: {
                headers: {
                    /** @description default-src 'none' with a per-response style nonce: no script, no framing, forms post to self */
                    "Content-Security-Policy"?: string;
                    /** @description no-store: pages hold PHI and the token is in the URL */
                    "Cache-Control"?: string;
                    /** @description no-referrer */
                    "Referrer-Policy"?: string;
                    /** @description `portal_csrf` (HttpOnly, SameSite=Strict, Secure over HTTPS, path /) when the browser had none: the value the forms on the page are signed with */
                    "Set-Cookie"?: string;
                    /** @description Seconds to wait (900) */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
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
            /** @description Retracted */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "messageId": "7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e0f",
                     *       "retractedAt": "2026-03-02T14:05:09.123Z",
                     *       "linksRetracted": 1
                     *     }
                     */
                    "application/json": {
                        /** Format: uuid */
                        messageId: string;
                        /** Format: date-time */
                        retractedAt: string;
                        /** @description Links of the message that stopped working */
                        linksRetracted: number;
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
            /** @description already_read */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "already_read";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    AutoRepliesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The auto-replies */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "afterHours": {
                     *         "enabled": true,
                     *         "sms": "Thanks for texting {practiceName}. We are closed now and will answer from {nextOpening}. Emergencies: call 911.",
                     *         "email": "Thank you for writing to {practiceName}. Our office is closed; we will reply from {nextOpening}. Book online: {link}"
                     *       },
                     *       "firstContact": {
                     *         "enabled": true,
                     *         "webform": "Thanks for contacting {practiceName}! We will be in touch shortly."
                     *       },
                     *       "throttleHours": 12,
                     *       "practicePhone": "+15555550123",
                     *       "link": "https://clinic.example/book",
                     *       "configured": true
                     *     }
                     */
                    "application/json": {
                        afterHours: {
                            enabled: boolean;
                            sms?: string;
                            email?: string;
                            chat?: string;
                            webform?: string;
                        };
                        firstContact: {
                            enabled: boolean;
                            sms?: string;
                            email?: string;
                            chat?: string;
                            webform?: string;
                        };
                        throttleHours: number;
                        practicePhone: string | null;
                        link: string | null;
                        /** @description false until the auto-replies were first set (all off) */
                        configured: boolean;
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
    AutoRepliesController_replace: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Answer an inbound message outside business hours (none while hours were never set) */
                    afterHours: {
                        enabled: boolean;
                        /** @description Plain text, PHI-free. Placeholders allowed: {practiceName}, {practicePhone}, {nextOpening}, {link}; no others. At most 2 SMS segments once filled. */
                        sms?: string;
                        /** @description Plain text, PHI-free. Placeholders allowed: {practiceName}, {practicePhone}, {nextOpening}, {link}; no others. */
                        email?: string;
                        /** @description Plain text, PHI-free. Placeholders allowed: {practiceName}, {practicePhone}, {nextOpening}, {link}; no others. */
                        chat?: string;
                        /** @description Sent to the form's own email (else its phone) of a new contact, never to a claim */
                        webform?: string;
                    };
                    /** @description Acknowledge a new contact's first message (inside business hours) */
                    firstContact: {
                        enabled: boolean;
                        /** @description Plain text, PHI-free. Placeholders allowed: {practiceName}, {practicePhone}, {nextOpening}, {link}; no others. At most 2 SMS segments once filled. */
                        sms?: string;
                        /** @description Plain text, PHI-free. Placeholders allowed: {practiceName}, {practicePhone}, {nextOpening}, {link}; no others. */
                        email?: string;
                        /** @description Plain text, PHI-free. Placeholders allowed: {practiceName}, {practicePhone}, {nextOpening}, {link}; no others. */
                        chat?: string;
                        /** @description Sent to the form's own email (else its phone) of a new contact, never to a claim */
                        webform?: string;
                    };
                    /** @description At most one auto-reply per contact and channel in this many hours (default 12) */
                    throttleHours?: number;
                    /** @description Fills {practicePhone} (default: the practice’s smsHelpContactNumber) */
                    practicePhone?: string | null;
                    /** @description Fills {link}: an https URL (booking page, website) */
                    link?: string | null;
                };
            };
        };
        responses: {
            /** @description The auto-replies as stored */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "afterHours": {
                     *         "enabled": true,
                     *         "sms": "Thanks for texting {practiceName}. We are closed now and will answer from {nextOpening}. Emergencies: call 911.",
                     *         "email": "Thank you for writing to {practiceName}. Our office is closed; we will reply from {nextOpening}. Book online: {link}"
                     *       },
                     *       "firstContact": {
                     *         "enabled": true,
                     *         "webform": "Thanks for contacting {practiceName}! We will be in touch shortly."
                     *       },
                     *       "throttleHours": 12,
                     *       "practicePhone": "+15555550123",
                     *       "link": "https://clinic.example/book",
                     *       "configured": true
                     *     }
                     */
                    "application/json": {
                        afterHours: {
                            enabled: boolean;
                            sms?: string;
                            email?: string;
                            chat?: string;
                            webform?: string;
                        };
                        firstContact: {
                            enabled: boolean;
                            sms?: string;
                            email?: string;
                            chat?: string;
                            webform?: string;
                        };
                        throttleHours: number;
                        practicePhone: string | null;
                        link: string | null;
                        /** @description false until the auto-replies were first set (all off) */
                        configured: boolean;
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
    ReportsController_responseTimesReport: {
        parameters: {
            query: {
                from: string;
                to: string;
                channel?: "sms" | "email" | "webform" | "chat" | "portal";
                teamId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The figures */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "from": "2026-11-01T00:00:00.000Z",
                     *       "to": "2026-12-01T00:00:00.000Z",
                     *       "channel": null,
                     *       "teamId": null,
                     *       "count": 42,
                     *       "answered": 40,
                     *       "unanswered": 2,
                     *       "firstResponse": {
                     *         "median": 1260,
                     *         "p90": 15300
                     *       },
                     *       "firstResponseBusinessHours": {
                     *         "median": 900,
                     *         "p90": 5400
                     *       },
                     *       "sla": {
                     *         "minutes": 60,
                     *         "waiting": 3,
                     *         "overSla": 1
                     *       }
                     *     }
                     */
                    "application/json": {
                        /** Format: date-time */
                        from: string;
                        /** Format: date-time */
                        to: string;
                        channel: ("sms" | "email" | "webform" | "chat" | "portal") | null;
                        teamId: string | null;
                        /** @description Conversations whose patient's first message falls in [from, to) */
                        count: number;
                        /** @description Of those, answered by staff (a reply, not a note or automatic text) */
                        answered: number;
                        unanswered: number;
                        /** @description From the first patient message to the first staff reply, wall-clock (percentile_cont) */
                        firstResponse: {
                            /** @description Seconds; null when nothing was answered */
                            median: number | null;
                            /** @description Seconds; null when nothing was answered */
                            p90: number | null;
                        };
                        /** @description The same counted in open time only; null when the practice has no business hours */
                        firstResponseBusinessHours: {
                            /** @description Seconds; null when nothing was answered */
                            median: number | null;
                            /** @description Seconds; null when nothing was answered */
                            p90: number | null;
                        } | null;
                        sla: {
                            /** @description The practice's SLA (slaMinutes); null: none */
                            minutes: number | null;
                            /** @description Open conversations waiting for a staff reply now, within the SLA */
                            waiting: number;
                            /** @description Conversations marked over the SLA now (waiting=over_sla) */
                            overSla: number;
                        };
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
    ReportsController_funnelReport: {
        parameters: {
            query: {
                from: string;
                to: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The funnel */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "from": "2026-11-01T00:00:00.000Z",
                     *       "to": "2026-12-01T00:00:00.000Z",
                     *       "total": 8,
                     *       "stages": {
                     *         "new": 3,
                     *         "contacted": 2,
                     *         "scheduled": 1,
                     *         "patient": 1,
                     *         "lost": 0,
                     *         "none": 1
                     *       },
                     *       "bySource": [
                     *         {
                     *           "source": "webform",
                     *           "total": 8,
                     *           "stages": {
                     *             "new": 3,
                     *             "contacted": 2,
                     *             "scheduled": 1,
                     *             "patient": 1,
                     *             "lost": 0,
                     *             "none": 1
                     *           }
                     *         }
                     *       ],
                     *       "byForm": [
                     *         {
                     *           "channelId": "7a0c2f55-9d4e-4b8a-9f61-2d0c1e5b7a11",
                     *           "name": "New patient form",
                     *           "total": 8,
                     *           "stages": {
                     *             "new": 3,
                     *             "contacted": 2,
                     *             "scheduled": 1,
                     *             "patient": 1,
                     *             "lost": 0,
                     *             "none": 1
                     *           }
                     *         }
                     *       ],
                     *       "secureMessages": {
                     *         "sent": 10,
                     *         "read": 7,
                     *         "openRate": 0.7
                     *       }
                     *     }
                     */
                    "application/json": {
                        /** Format: date-time */
                        from: string;
                        /** Format: date-time */
                        to: string;
                        /** @description Contacts created in [from, to) (merged ones not counted) */
                        total: number;
                        /** @description Their current lead stage (none: not set) */
                        stages: {
                            new: number;
                            contacted: number;
                            scheduled: number;
                            patient: number;
                            lost: number;
                            none: number;
                        };
                        /** @description Per source channel (the channel of their first contact; staff: entered by staff; unknown: before sources were recorded) */
                        bySource: {
                            /** @enum {string} */
                            source: "sms" | "email" | "webform" | "chat" | "portal" | "staff" | "unknown";
                            total: number;
                            stages: {
                                new: number;
                                contacted: number;
                                scheduled: number;
                                patient: number;
                                lost: number;
                                none: number;
                            };
                        }[];
                        /** @description Web form leads per form */
                        byForm: {
                            /** Format: uuid */
                            channelId: string;
                            name: string | null;
                            total: number;
                            stages: {
                                new: number;
                                contacted: number;
                                scheduled: number;
                                patient: number;
                                lost: number;
                                none: number;
                            };
                        }[];
                        /** @description Secure messages (secure link) sent in [from, to) and how many the patient opened */
                        secureMessages: {
                            sent: number;
                            read: number;
                            /** @description read / sent (0-1); null when none was sent */
                            openRate: number | null;
                        };
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
    WebhookEndpointsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The endpoints */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "id": "5d6e7f80-91a2-4b3c-8d4e-5f6a7b8c9d0e",
                     *           "url": "https://ehr.example.com/hooks/inbox",
                     *           "eventTypes": [
                     *             "message.received",
                     *             "conversation.assigned"
                     *           ],
                     *           "enabled": true,
                     *           "disabledReason": null,
                     *           "disabledAt": null,
                     *           "consecutiveFailures": 0,
                     *           "createdAt": "2026-03-02T14:05:09.123Z",
                     *           "updatedAt": "2026-03-02T14:05:09.123Z"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        data: {
                            /** Format: uuid */
                            id: string;
                            url: string;
                            eventTypes: ("message.received" | "message.status_changed" | "conversation.assigned" | "consent.changed" | "secure_message.read")[];
                            enabled: boolean;
                            /** @description failing: disabled after sustained failure; staff: disabled by PATCH */
                            disabledReason: ("failing" | "staff") | null;
                            disabledAt: string | null;
                            /** @description Failed attempts since the last delivered one */
                            consecutiveFailures: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
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
    WebhookEndpointsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Absolute https URL without credentials. Its host must resolve to public addresses only (checked again before each delivery); no redirect is followed. */
                    url: string;
                    /** @description The events this endpoint receives */
                    eventTypes: ("message.received" | "message.status_changed" | "conversation.assigned" | "consent.changed" | "secure_message.read")[];
                };
            };
        };
        responses: {
            /** @description Registered */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "5d6e7f80-91a2-4b3c-8d4e-5f6a7b8c9d0e",
                     *       "url": "https://ehr.example.com/hooks/inbox",
                     *       "eventTypes": [
                     *         "message.received",
                     *         "conversation.assigned"
                     *       ],
                     *       "enabled": true,
                     *       "disabledReason": null,
                     *       "disabledAt": null,
                     *       "consecutiveFailures": 0,
                     *       "createdAt": "2026-03-02T14:05:09.123Z",
                     *       "updatedAt": "2026-03-02T14:05:09.123Z",
                     *       "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw+8Q3lEg4qlY="
                     *     }
                     */
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        url: string;
                        eventTypes: ("message.received" | "message.status_changed" | "conversation.assigned" | "consent.changed" | "secure_message.read")[];
                        enabled: boolean;
                        /** @description failing: disabled after sustained failure; staff: disabled by PATCH */
                        disabledReason: ("failing" | "staff") | null;
                        disabledAt: string | null;
                        /** @description Failed attempts since the last delivered one */
                        consecutiveFailures: number;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
                        /** @description The signing secret (Standard Webhooks, whsec_...), shown only here: verify webhook-signature with it */
                        secret: string;
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
            /** @description webhook_url_invalid, webhook_url_refused, webhook_url_unresolvable */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "webhook_url_invalid" | "webhook_url_refused" | "webhook_url_unresolvable";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    WebhookEndpointsController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The webhook endpoint's id (any other value answers 404 not_found) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
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
    WebhookEndpointsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The webhook endpoint's id (any other value answers 404 not_found) */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Absolute https URL without credentials. Its host must resolve to public addresses only (checked again before each delivery); no redirect is followed. */
                    url?: string;
                    /** @description The events this endpoint receives */
                    eventTypes?: ("message.received" | "message.status_changed" | "conversation.assigned" | "consent.changed" | "secure_message.read")[];
                    /** @description true re-enables an endpoint (also one disabled after sustained failure) and clears its failure streak */
                    enabled?: boolean;
                };
            };
        };
        responses: {
            /** @description Changed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "5d6e7f80-91a2-4b3c-8d4e-5f6a7b8c9d0e",
                     *       "url": "https://ehr.example.com/hooks/inbox",
                     *       "eventTypes": [
                     *         "message.received",
                     *         "conversation.assigned"
                     *       ],
                     *       "enabled": true,
                     *       "disabledReason": null,
                     *       "disabledAt": null,
                     *       "consecutiveFailures": 0,
                     *       "createdAt": "2026-03-02T14:05:09.123Z",
                     *       "updatedAt": "2026-03-02T14:05:09.123Z"
                     *     }
                     */
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        url: string;
                        eventTypes: ("message.received" | "message.status_changed" | "conversation.assigned" | "consent.changed" | "secure_message.read")[];
                        enabled: boolean;
                        /** @description failing: disabled after sustained failure; staff: disabled by PATCH */
                        disabledReason: ("failing" | "staff") | null;
                        disabledAt: string | null;
                        /** @description Failed attempts since the last delivered one */
                        consecutiveFailures: number;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
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
            /** @description webhook_url_invalid, webhook_url_refused, webhook_url_unresolvable */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "webhook_url_invalid" | "webhook_url_refused" | "webhook_url_unresolvable";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    WebhookEndpointsController_rotateSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The webhook endpoint's id (any other value answers 404 not_found) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The new secret */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw+8Q3lEg4qlY="
                     *     }
                     */
                    "application/json": {
                        /** @description The new signing secret, shown only here; the old one no longer signs */
                        secret: string;
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
    WebhookEndpointsController_deliveries: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path: {
                /** @description The webhook endpoint's id (any other value answers 404 not_found) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of deliveries */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "id": "0e1f2a3b-4c5d-4e6f-8a7b-8c9d0e1f2a3b",
                     *           "type": "message.received",
                     *           "occurredAt": "2026-03-02T14:05:09.123Z",
                     *           "state": "delivered",
                     *           "attempts": [
                     *             {
                     *               "attemptedAt": "2026-03-02T14:05:09.123Z",
                     *               "statusCode": 503,
                     *               "durationMs": 41,
                     *               "errorClass": "http_status",
                     *               "succeeded": false
                     *             },
                     *             {
                     *               "attemptedAt": "2026-03-02T14:05:09.123Z",
                     *               "statusCode": 204,
                     *               "durationMs": 38,
                     *               "errorClass": null,
                     *               "succeeded": true
                     *             }
                     *           ],
                     *           "finishedAt": "2026-03-02T14:05:09.123Z"
                     *         }
                     *       ],
                     *       "nextCursor": null
                     *     }
                     */
                    "application/json": {
                        data: {
                            /**
                             * Format: uuid
                             * @description Also the webhook-id header (the same on every attempt and replay)
                             */
                            id: string;
                            /** @enum {string} */
                            type: "message.received" | "message.status_changed" | "conversation.assigned" | "consent.changed" | "secure_message.read";
                            /** Format: date-time */
                            occurredAt: string;
                            /** @enum {string} */
                            state: "pending" | "delivered" | "failed";
                            /** @description Oldest first; never the response body */
                            attempts: {
                                /** Format: date-time */
                                attemptedAt: string;
                                /** @description The receiver’s HTTP status; null when none came */
                                statusCode: number | null;
                                durationMs: number;
                                /** @description Why it failed: http_status, redirect_refused, timeout, connection_refused, connection_reset, unreachable, tls, dns, address_refused, network */
                                errorClass: string | null;
                                succeeded: boolean;
                            }[];
                            finishedAt: string | null;
                        }[];
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
    WebhookEndpointsController_replay: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The webhook endpoint's id (any other value answers 404 not_found) */
                id: string;
                /** @description The webhook delivery's id (any other value answers 404 not_found) */
                deliveryId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Queued */
            202: {
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
            /** @description webhook_delivery_pending */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "webhook_delivery_pending";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    AccessAlertsController_list: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of alerts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "id": "2f6c1d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f",
                     *           "kind": "conversations_opened",
                     *           "userId": "7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e0f",
                     *           "userRole": "front_desk",
                     *           "windowStart": "2026-12-07T14:00:00.000Z",
                     *           "windowEnd": "2026-12-07T15:00:00.000Z",
                     *           "observed": 120,
                     *           "threshold": 40,
                     *           "baseline": 8,
                     *           "createdAt": "2026-12-07T14:25:00.000Z"
                     *         }
                     *       ],
                     *       "nextCursor": null
                     *     }
                     */
                    "application/json": {
                        data: {
                            /** Format: uuid */
                            id: string;
                            /**
                             * @description conversations_opened: too many conversations opened in the hour; export_outside_hours: a bulk export while the practice was closed
                             * @enum {string}
                             */
                            kind: "conversations_opened" | "export_outside_hours";
                            /**
                             * Format: uuid
                             * @description The staff user whose access it is
                             */
                            userId: string;
                            userRole: string | null;
                            /**
                             * Format: date-time
                             * @description The UTC hour the alert is about (one alert per user, kind and hour)
                             */
                            windowStart: string;
                            /** Format: date-time */
                            windowEnd: string;
                            /** @description Conversations opened, or exports outside business hours, in the hour */
                            observed: number;
                            /** @description conversations_opened: max(opensFactor x baseline, minimumOpensPerHour); export_outside_hours: 0 */
                            threshold: number;
                            /** @description The user's baseline then (p95 of their active hours over 30 days); null: none yet, or an export */
                            baseline: number | null;
                            /** Format: date-time */
                            createdAt: string;
                        }[];
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
    AccessAlertsController_getSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The thresholds */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "opensFactor": 5,
                     *       "minimumOpensPerHour": 20,
                     *       "exportsOutsideBusinessHours": true,
                     *       "configured": true
                     *     }
                     */
                    "application/json": {
                        /** @description An hour's conversations opened by a user must exceed this many times their baseline (the 95th percentile of their hourly opens over the 30 days before, hours with none left out). Default 5. */
                        opensFactor: number;
                        /** @description Fewer conversations opened in an hour never alert (a new user has no baseline). Default 20. */
                        minimumOpensPerHour: number;
                        /** @description Whether a bulk export (the audit trail export, a FHIR bulk export) while the practice is closed by its business hours alerts. Without business hours nothing is outside them. Default true. */
                        exportsOutsideBusinessHours: boolean;
                        /** @description false: the practice never set them (the defaults apply) */
                        configured: boolean;
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
    AccessAlertsController_replaceSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description An hour's conversations opened by a user must exceed this many times their baseline (the 95th percentile of their hourly opens over the 30 days before, hours with none left out). Default 5. */
                    opensFactor: number;
                    /** @description Fewer conversations opened in an hour never alert (a new user has no baseline). Default 20. */
                    minimumOpensPerHour: number;
                    /** @description Whether a bulk export (the audit trail export, a FHIR bulk export) while the practice is closed by its business hours alerts. Without business hours nothing is outside them. Default true. */
                    exportsOutsideBusinessHours: boolean;
                };
            };
        };
        responses: {
            /** @description The thresholds as stored */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "opensFactor": 5,
                     *       "minimumOpensPerHour": 20,
                     *       "exportsOutsideBusinessHours": true,
                     *       "configured": true
                     *     }
                     */
                    "application/json": {
                        /** @description An hour's conversations opened by a user must exceed this many times their baseline (the 95th percentile of their hourly opens over the 30 days before, hours with none left out). Default 5. */
                        opensFactor: number;
                        /** @description Fewer conversations opened in an hour never alert (a new user has no baseline). Default 20. */
                        minimumOpensPerHour: number;
                        /** @description Whether a bulk export (the audit trail export, a FHIR bulk export) while the practice is closed by its business hours alerts. Without business hours nothing is outside them. Default true. */
                        exportsOutsideBusinessHours: boolean;
                        /** @description false: the practice never set them (the defaults apply) */
                        configured: boolean;
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
    ApiClientsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The clients */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "id": "3f1e2a4b-5c6d-4e7f-8a9b-0c1d2e3f4a5b",
                     *           "clientId": "ac_9b2c6f0e1d2a4c3b8e7f6a5b4c3d2e1f3f1e2a4b5c6d4e7f8a9b0c1d2e3f4a5b",
                     *           "name": "EHR nightly sync",
                     *           "scope": "system/*.read",
                     *           "createdBy": "7c9e6679-7425-40de-944b-e07fc1f90ae7",
                     *           "createdAt": "2026-11-02T10:00:00.000Z",
                     *           "revokedAt": null
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        data: {
                            /** Format: uuid */
                            id: string;
                            /** @description The OAuth client_id (public) */
                            clientId: string;
                            name: string;
                            scope: string;
                            /** Format: uuid */
                            createdBy: string;
                            /** Format: date-time */
                            createdAt: string;
                            revokedAt: string | null;
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
    ApiClientsController_create: {
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
                     * @description What the client is (e.g. the EHR’s nightly sync); default "API client"
                     * @default API client
                     */
                    name?: string;
                    /**
                     * @description Space-separated SMART system scopes: system/*.read (default) or system/<Patient|Communication|Consent|AuditEvent>.read
                     * @example system/*.read
                     */
                    scope?: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "3f1e2a4b-5c6d-4e7f-8a9b-0c1d2e3f4a5b",
                     *       "clientId": "ac_9b2c6f0e1d2a4c3b8e7f6a5b4c3d2e1f3f1e2a4b5c6d4e7f8a9b0c1d2e3f4a5b",
                     *       "name": "EHR nightly sync",
                     *       "scope": "system/*.read",
                     *       "createdBy": "7c9e6679-7425-40de-944b-e07fc1f90ae7",
                     *       "createdAt": "2026-11-02T10:00:00.000Z",
                     *       "revokedAt": null,
                     *       "clientSecret": "acs_3q2+7w..."
                     *     }
                     */
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** @description The OAuth client_id (public) */
                        clientId: string;
                        name: string;
                        scope: string;
                        /** Format: uuid */
                        createdBy: string;
                        /** Format: date-time */
                        createdAt: string;
                        revokedAt: string | null;
                        /** @description The OAuth client_secret: shown this once, only its hash is kept */
                        clientSecret: string;
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
    ApiClientsController_revoke: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The client’s id, or its OAuth client_id (anything else answers 404 not_found) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked (or already revoked) */
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
    OAuthController_token: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": {
                    grant_type: string;
                    client_id?: string;
                    client_secret?: string;
                    scope?: string;
                };
            };
        };
        responses: {
            /** @description The token */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "access_token": "at_…",
                     *       "token_type": "Bearer",
                     *       "expires_in": 300,
                     *       "scope": "system/*.read"
                     *     }
                     */
                    "application/json": {
                        access_token: string;
                        /** @constant */
                        token_type: "Bearer";
                        /** @description Seconds */
                        expires_in: number;
                        scope: string;
                    };
                };
            };
            /** @description A malformed request, another grant type or a scope outside the client’s */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        error: "invalid_request" | "unsupported_grant_type" | "invalid_scope";
                        error_description: string;
                    } | {
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
            /** @description Unknown client, wrong secret or revoked client */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        error: "invalid_client";
                        error_description: string;
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
    FhirMetadataController_metadata: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The CapabilityStatement */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": {
                        /** @constant */
                        resourceType: "CapabilityStatement";
                    };
                };
            };
        };
    };
    FhirController_kickOff: {
        parameters: {
            query?: {
                _outputFormat?: "application/fhir+ndjson" | "application/ndjson" | "ndjson";
                _since?: string;
                _type?: string;
            };
            header: {
                /** @description Bearer <access_token> from POST /oauth/token (client credentials) */
                Authorization: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    /** @description The status URL */
                    "Content-Location"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A parameter the server does not take or a value it cannot read (issue code invalid, naming it) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": {
                        /** @constant */
                        resourceType: "OperationOutcome";
                    };
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
            /** @description No bearer token, or an unknown, expired or revoked one (WWW-Authenticate: Bearer) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": {
                        /** @constant */
                        resourceType: "OperationOutcome";
                    };
                };
            };
            /** @description The token's scope does not include the resource type */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": {
                        /** @constant */
                        resourceType: "OperationOutcome";
                    };
                };
            };
            /** @description An export of this client is already in progress (Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": {
                        /** @constant */
                        resourceType: "OperationOutcome";
                    };
                };
            };
        };
    };
    FhirController_status: {
        parameters: {
            query?: never;
            header: {
                /** @description Bearer <access_token> from POST /oauth/token (client credentials) */
                Authorization: string;
            };
            path: {
                /** @description The export id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The manifest */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        transactionTime: string;
                        request: string;
                        /** @constant */
                        requiresAccessToken: true;
                        output: {
                            /** @enum {string} */
                            type: "Patient" | "Communication" | "Consent" | "AuditEvent";
                            url: string;
                            count: number;
                        }[];
                        error: unknown[];
                    };
                };
            };
            /** @description In progress */
            202: {
                headers: {
                    /** @description What is being written */
                    "X-Progress"?: string;
                    /** @description Seconds */
                    "Retry-After"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No bearer token, or an unknown, expired or revoked one (WWW-Authenticate: Bearer) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": {
                        /** @constant */
                        resourceType: "OperationOutcome";
                    };
                };
            };
            /** @description No such resource for this client (another practice’s ids included), or a type this server does not serve */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": {
                        /** @constant */
                        resourceType: "OperationOutcome";
                    };
                };
            };
            /** @description An unexpected failure (or a failed export) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": {
                        /** @constant */
                        resourceType: "OperationOutcome";
                    };
                };
            };
        };
    };
    FhirController_cancel: {
        parameters: {
            query?: never;
            header: {
                /** @description Bearer <access_token> from POST /oauth/token (client credentials) */
                Authorization: string;
            };
            path: {
                /** @description The export id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Cancelled */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No bearer token, or an unknown, expired or revoked one (WWW-Authenticate: Bearer) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": {
                        /** @constant */
                        resourceType: "OperationOutcome";
                    };
                };
            };
            /** @description No such resource for this client (another practice’s ids included), or a type this server does not serve */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": {
                        /** @constant */
                        resourceType: "OperationOutcome";
                    };
                };
            };
        };
    };
    FhirController_file: {
        parameters: {
            query?: never;
            header: {
                /** @description Bearer <access_token> from POST /oauth/token (client credentials) */
                Authorization: string;
            };
            path: {
                /** @description The file id (from the manifest) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The resources, one per line */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+ndjson": string;
                };
            };
            /** @description No bearer token, or an unknown, expired or revoked one (WWW-Authenticate: Bearer) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": {
                        /** @constant */
                        resourceType: "OperationOutcome";
                    };
                };
            };
            /** @description No such resource for this client (another practice’s ids included), or a type this server does not serve */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": {
                        /** @constant */
                        resourceType: "OperationOutcome";
                    };
                };
            };
        };
    };
    FhirController_binary: {
        parameters: {
            query?: never;
            header: {
                /** @description Bearer <access_token> from POST /oauth/token (client credentials) */
                Authorization: string;
            };
            path: {
                /** @description An attachment id (from a Communication’s payload) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file, or a Binary resource */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/jpeg": string;
                    "image/png": string;
                    "image/gif": string;
                    "image/webp": string;
                    "image/heic": string;
                    "image/heif": string;
                    "image/tiff": string;
                    "application/pdf": string;
                    "text/vcard": string;
                    "text/x-vcard": string;
                    "text/plain": string;
                    "text/csv": string;
                    "text/calendar": string;
                    "audio/mpeg": string;
                    "audio/mp4": string;
                    "audio/amr": string;
                    "video/mp4": string;
                    "video/3gpp": string;
                    "application/msword": string;
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": string;
                    "application/vnd.ms-excel": string;
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    "application/rtf": string;
                    "application/octet-stream": string;
                    "application/fhir+json": {
                        /** @constant */
                        resourceType: "Binary";
                    };
                };
            };
            /** @description No bearer token, or an unknown, expired or revoked one (WWW-Authenticate: Bearer) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": {
                        /** @constant */
                        resourceType: "OperationOutcome";
                    };
                };
            };
            /** @description The token's scope does not include the resource type */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": {
                        /** @constant */
                        resourceType: "OperationOutcome";
                    };
                };
            };
            /** @description No such resource for this client (another practice’s ids included), or a type this server does not serve */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": {
                        /** @constant */
                        resourceType: "OperationOutcome";
                    };
                };
            };
        };
    };
    FhirController_search: {
        parameters: {
            query?: {
                _lastUpdated?: string | string[];
                patient?: string;
                _id?: string;
                _count?: string;
                _cursor?: string;
                _format?: "json" | "application/json" | "application/fhir+json";
                _total?: "none" | "estimate" | "accurate";
            };
            header: {
                /** @description Bearer <access_token> from POST /oauth/token (client credentials) */
                Authorization: string;
            };
            path: {
                /** @description Patient, Communication, Consent or AuditEvent (anything else: 404) */
                type: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A searchset page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": {
                        /** @constant */
                        resourceType: "Bundle";
                    };
                };
            };
            /** @description A parameter the server does not take or a value it cannot read (issue code invalid, naming it) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": {
                        /** @constant */
                        resourceType: "OperationOutcome";
                    };
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
            /** @description No bearer token, or an unknown, expired or revoked one (WWW-Authenticate: Bearer) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": {
                        /** @constant */
                        resourceType: "OperationOutcome";
                    };
                };
            };
            /** @description The token's scope does not include the resource type */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": {
                        /** @constant */
                        resourceType: "OperationOutcome";
                    };
                };
            };
            /** @description No such resource for this client (another practice’s ids included), or a type this server does not serve */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": {
                        /** @constant */
                        resourceType: "OperationOutcome";
                    };
                };
            };
        };
    };
    FhirController_read: {
        parameters: {
            query?: never;
            header: {
                /** @description Bearer <access_token> from POST /oauth/token (client credentials) */
                Authorization: string;
            };
            path: {
                /** @description Patient, Communication, Consent or AuditEvent (anything else: 404) */
                type: string;
                /** @description The resource id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The resource */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": {
                        resourceType: string;
                    };
                };
            };
            /** @description No bearer token, or an unknown, expired or revoked one (WWW-Authenticate: Bearer) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": {
                        /** @constant */
                        resourceType: "OperationOutcome";
                    };
                };
            };
            /** @description The token's scope does not include the resource type */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": {
                        /** @constant */
                        resourceType: "OperationOutcome";
                    };
                };
            };
            /** @description No such resource for this client (another practice’s ids included), or a type this server does not serve */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": {
                        /** @constant */
                        resourceType: "OperationOutcome";
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
                                type: "user" | "patient" | "provider" | "system" | "api_client";
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
            /** @description Alive */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "ok"
                     *     }
                     */
                    "application/json": {
                        /** @constant */
                        status: "ok";
                    };
                };
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
            /** @description Every dependency answers */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        status: "ok";
                        info: {
                            [key: string]: {
                                /** @enum {string} */
                                status: "up" | "down";
                                /** @description Milliseconds the check took */
                                responseTime?: number;
                            };
                        };
                        error: {
                            [key: string]: {
                                /** @enum {string} */
                                status: "up" | "down";
                                /** @description Milliseconds the check took */
                                responseTime?: number;
                            };
                        };
                        details: {
                            [key: string]: {
                                /** @enum {string} */
                                status: "up" | "down";
                                /** @description Milliseconds the check took */
                                responseTime?: number;
                            };
                        };
                    };
                };
            };
            /** @description not_ready */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "not_ready";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    MetricsController_render: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Prometheus text format 0.0.4 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            /** @description unauthorized */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unauthorized";
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
    PublicFormsController_submit: {
        parameters: {
            query?: never;
            header: {
                /** @description One of the channel’s allowed origins */
                Origin: string;
            };
            path: {
                /** @description The form’s public key (`formKey` of its channel) */
                formKey: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    /** @description Must be a valid email address */
                    email?: string;
                    /** @description Must be a valid phone number (E.164, or national in the practice’s region) */
                    phone?: string;
                    message?: string;
                    /** @description The form's other fields, flat; at most 16384 bytes as JSON */
                    fields?: {
                        [key: string]: string | number | boolean | null;
                    };
                    consent?: {
                        sms?: boolean;
                        email?: boolean;
                        /** @description The consent disclosure the form showed: a version the practice knows */
                        disclosureVersion?: string;
                    };
                    /** @description Honeypot: hidden from people, must stay empty */
                    website?: string;
                };
            };
        };
        responses: {
            /** @description Received (a new lead, or the same answer for a bot) */
            202: {
                headers: {
                    /** @description The request’s Origin, echoed for an allowed origin only */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description `Origin` */
                    Vary?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "received": true
                     *     }
                     */
                    "application/json": {
                        /** @constant */
                        received: true;
                    };
                };
            };
            /** @description validation_failed, bad_request */
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
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "origin_not_allowed";
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
            /** @description rate_limited: too many submissions from this address or to this form */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
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
    PublicFormsController_preflight: {
        parameters: {
            query?: never;
            header: {
                /** @description One of the channel’s allowed origins */
                Origin: string;
                /** @description The method the browser is about to use */
                "Access-Control-Request-Method"?: string;
            };
            path: {
                /** @description The form’s public key (`formKey` of its channel) */
                formKey: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Allowed origin: the browser may send the request */
            204: {
                headers: {
                    /** @description The request’s Origin, echoed for an allowed origin only */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description `Origin` */
                    Vary?: string;
                    /** @description POST, OPTIONS */
                    "Access-Control-Allow-Methods"?: string;
                    /** @description Content-Type, Authorization, Last-Event-ID */
                    "Access-Control-Allow-Headers"?: string;
                    /** @description Seconds a browser may cache this */
                    "Access-Control-Max-Age"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description origin_not_allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "origin_not_allowed";
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
    PublicChatController_start: {
        parameters: {
            query?: never;
            header: {
                /** @description One of the channel’s allowed origins */
                Origin: string;
            };
            path: {
                /** @description The widget’s public key (`data-widget-key`) */
                widgetKey: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    /** @description When given, a valid email address */
                    email?: string;
                    /** @description When given, a valid phone number (E.164, or national in the practice’s region) */
                    phone?: string;
                };
            };
        };
        responses: {
            /** @description The session and its token */
            201: {
                headers: {
                    /** @description The request’s Origin, echoed for an allowed origin only */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description `Origin` */
                    Vary?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "sessionId": "9b2e4c1a-7d3f-4e8a-b6c5-0f1e2d3c4b5a",
                     *       "sessionToken": "q8m1V3xZp0cR7tY2wE5uI9oP4aS6dF1gH3jK8lZ0xC2"
                     *     }
                     */
                    "application/json": {
                        /** Format: uuid */
                        sessionId: string;
                        /**
                         * @description Shown once: send it as `Authorization: Bearer <sessionToken>` on the session’s routes (only its hash is stored)
                         * @example q8m1V3xZp0cR7tY2wE5uI9oP4aS6dF1gH3jK8lZ0xC2
                         */
                        sessionToken: string;
                    };
                };
            };
            /** @description validation_failed, bad_request */
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
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "origin_not_allowed";
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
            /** @description rate_limited: too many chats from this address or on this widget */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
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
    PublicChatController_sessionPreflight: {
        parameters: {
            query?: never;
            header: {
                /** @description One of the channel’s allowed origins */
                Origin: string;
                /** @description The method the browser is about to use */
                "Access-Control-Request-Method"?: string;
            };
            path: {
                /** @description The widget’s public key (`data-widget-key`) */
                widgetKey: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Allowed origin: the browser may send the request */
            204: {
                headers: {
                    /** @description The request’s Origin, echoed for an allowed origin only */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description `Origin` */
                    Vary?: string;
                    /** @description POST, OPTIONS */
                    "Access-Control-Allow-Methods"?: string;
                    /** @description Content-Type, Authorization, Last-Event-ID */
                    "Access-Control-Allow-Headers"?: string;
                    /** @description Seconds a browser may cache this */
                    "Access-Control-Max-Age"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description origin_not_allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "origin_not_allowed";
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
    PublicChatController_sessionResourcePreflight: {
        parameters: {
            query?: never;
            header: {
                /** @description One of the channel’s allowed origins */
                Origin: string;
                /** @description The method the browser is about to use */
                "Access-Control-Request-Method"?: string;
            };
            path: {
                /** @description The chat session’s id (`sessionId` from starting the chat) */
                sessionId: string;
                resource: "messages" | "events" | "verification";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Allowed origin: the browser may send the request */
            204: {
                headers: {
                    /** @description The request’s Origin, echoed for an allowed origin only */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description `Origin` */
                    Vary?: string;
                    /** @description GET, POST, OPTIONS */
                    "Access-Control-Allow-Methods"?: string;
                    /** @description Content-Type, Authorization, Last-Event-ID */
                    "Access-Control-Allow-Headers"?: string;
                    /** @description Seconds a browser may cache this */
                    "Access-Control-Max-Age"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description invalid_session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_session";
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
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "origin_not_allowed";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    PublicChatController_confirmCode: {
        parameters: {
            query?: never;
            header: {
                /** @description One of the channel’s allowed origins */
                Origin: string;
            };
            path: {
                /** @description The chat session’s id (`sessionId` from starting the chat) */
                sessionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The code the visitor received */
                    code: string;
                };
            };
        };
        responses: {
            /** @description Verified */
            200: {
                headers: {
                    /** @description The request’s Origin, echoed for an allowed origin only */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description `Origin` */
                    Vary?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "verified": true
                     *     }
                     */
                    "application/json": {
                        /** @constant */
                        verified: true;
                    };
                };
            };
            /** @description invalid_code, validation_failed, bad_request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "bad_request" | "invalid_code" | "validation_failed";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description invalid_session, session_expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_session" | "session_expired";
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
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "origin_not_allowed";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description concurrent_change */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "concurrent_change";
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
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "verification_locked";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description rate_limited: too many confirmations from this client address */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
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
    PublicChatController_confirmPreflight: {
        parameters: {
            query?: never;
            header: {
                /** @description One of the channel’s allowed origins */
                Origin: string;
                /** @description The method the browser is about to use */
                "Access-Control-Request-Method"?: string;
            };
            path: {
                /** @description The chat session’s id (`sessionId` from starting the chat) */
                sessionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Allowed origin: the browser may send the request */
            204: {
                headers: {
                    /** @description The request’s Origin, echoed for an allowed origin only */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description `Origin` */
                    Vary?: string;
                    /** @description POST, OPTIONS */
                    "Access-Control-Allow-Methods"?: string;
                    /** @description Content-Type, Authorization, Last-Event-ID */
                    "Access-Control-Allow-Headers"?: string;
                    /** @description Seconds a browser may cache this */
                    "Access-Control-Max-Age"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description invalid_session */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_session";
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
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "origin_not_allowed";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    PublicChatController_requestCode: {
        parameters: {
            query?: never;
            header: {
                /** @description One of the channel’s allowed origins */
                Origin: string;
            };
            path: {
                /** @description The chat session’s id (`sessionId` from starting the chat) */
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
            /** @description The code is on its way */
            202: {
                headers: {
                    /** @description The request’s Origin, echoed for an allowed origin only */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description `Origin` */
                    Vary?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "sent": true,
                     *       "expiresInSeconds": 600
                     *     }
                     */
                    "application/json": {
                        /** @constant */
                        sent: true;
                        /**
                         * @description How long the code stays valid
                         * @example 600
                         */
                        expiresInSeconds: number;
                    };
                };
            };
            /** @description validation_failed, bad_request */
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
            /** @description invalid_session, session_expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_session" | "session_expired";
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
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "origin_not_allowed";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description recipient_opted_out, email_suppressed, concurrent_change */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "concurrent_change" | "email_suppressed" | "recipient_opted_out";
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
            /** @description no_claimed_address, no_sender_channel */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "no_claimed_address" | "no_sender_channel";
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
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "verification_locked";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description rate_limited: at most 3 codes per chat and 10 per client address every 15 minutes, and a few per address the code goes to (Retry-After on the first two; `details.retryAfterSeconds` on all) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
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
    PublicChatController_list: {
        parameters: {
            query?: {
                after?: string;
            };
            header?: {
                /** @description When present, one of the channel’s allowed origins */
                Origin?: string;
            };
            path: {
                /** @description The chat session’s id (`sessionId` from starting the chat) */
                sessionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The messages, oldest first (at most 100: ask again with the last one’s id as `after`) */
            200: {
                headers: {
                    /** @description The request’s Origin, echoed for an allowed origin only */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description `Origin` */
                    Vary?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "id": "5d6e7f80-1a2b-4c3d-8e9f-a0b1c2d3e4f5",
                     *           "direction": "inbound",
                     *           "body": "Hello, do you have an opening this week?",
                     *           "createdAt": "2026-01-05T14:03:00.000Z"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        /** @description In order, at most 100 */
                        data: {
                            /** Format: uuid */
                            id: string;
                            /**
                             * @description `inbound`: the visitor wrote it; `outbound`: the practice’s staff
                             * @enum {string}
                             */
                            direction: "inbound" | "outbound";
                            body: string;
                            /** Format: date-time */
                            createdAt: string;
                        }[];
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
            /** @description invalid_session, session_expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_session" | "session_expired";
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
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "origin_not_allowed";
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
            header: {
                /** @description One of the channel’s allowed origins */
                Origin: string;
            };
            path: {
                /** @description The chat session’s id (`sessionId` from starting the chat) */
                sessionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Not blank */
                    body: string;
                };
            };
        };
        responses: {
            /** @description The stored message */
            201: {
                headers: {
                    /** @description The request’s Origin, echoed for an allowed origin only */
                    "Access-Control-Allow-Origin"?: string;
                    /** @description `Origin` */
                    Vary?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "5d6e7f80-1a2b-4c3d-8e9f-a0b1c2d3e4f5",
                     *       "direction": "inbound",
                     *       "body": "Hello, do you have an opening this week?",
                     *       "createdAt": "2026-01-05T14:03:00.000Z"
                     *     }
                     */
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /**
                         * @description `inbound`: the visitor wrote it; `outbound`: the practice’s staff
                         * @enum {string}
                         */
                        direction: "inbound" | "outbound";
                        body: string;
                        /** Format: date-time */
                        createdAt: string;
                    };
                };
            };
            /** @description validation_failed, bad_request */
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
            /** @description invalid_session, session_expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_session" | "session_expired";
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
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "origin_not_allowed";
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
            /** @description rate_limited: at most 30 messages a minute per chat */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
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
    PublicChatController_events: {
        parameters: {
            query?: never;
            header?: {
                /** @description When present, one of the channel’s allowed origins */
                Origin?: string;
            };
            path: {
                /** @description The chat session’s id (`sessionId` from starting the chat) */
                sessionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Server-sent events: `ready` once (data `{}`), then `message` events (id and data: a chat message `{id, direction, body, createdAt}`); comment lines as heartbeats. Ends at the session’s idle expiry. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example event: ready
                     *     data: {}
                     *
                     *     id: 5d6e7f80-1a2b-4c3d-8e9f-a0b1c2d3e4f5
                     *     event: message
                     *     data: {"id":"5d6e7f80-1a2b-4c3d-8e9f-a0b1c2d3e4f5","direction":"inbound","body":"Hello, do you have an opening this week?","createdAt":"2026-01-05T14:03:00.000Z"}
                     */
                    "text/event-stream": string;
                };
            };
            /** @description invalid_session, session_expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_session" | "session_expired";
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
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "origin_not_allowed";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description too_many_streams: at most 3 open per session, 20 per client address */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "too_many_streams";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
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
            /** @description The widget script (cacheable for 5 minutes, loadable from any origin) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/javascript": string;
                };
            };
        };
    };
    ChatWidgetController_demo: {
        parameters: {
            query: {
                /** @description A chat widget’s key */
                widgetKey: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The demo page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
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
            /** @description The counters */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "byStatus": {
                     *         "open": 12,
                     *         "pending": 3,
                     *         "snoozed": 1,
                     *         "closed": 240
                     *       },
                     *       "notClosed": {
                     *         "mine": 4,
                     *         "unassigned": 6,
                     *         "byAssignee": [
                     *           {
                     *             "assigneeId": "3a4b5c6d-7e8f-4a9b-8c0d-1e2f3a4b5c6d",
                     *             "count": 4
                     *           }
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": {
                        byStatus: {
                            open: number;
                            pending: number;
                            snoozed: number;
                            closed: number;
                        };
                        notClosed: {
                            /** @description Not closed and assigned to the caller */
                            mine: number;
                            unassigned: number;
                            byAssignee: {
                                /** Format: uuid */
                                assigneeId: string;
                                count: number;
                            }[];
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
            /** @description The conversation */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "0b5d3c1e-8f2a-4c7d-9e1b-2a3f4c5d6e7f",
                     *       "contact": {
                     *         "id": "5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b",
                     *         "displayName": "Jane Doe",
                     *         "phone": "+15555550123",
                     *         "email": "jane@example.com",
                     *         "dateOfBirth": "1980-04-12",
                     *         "leadStage": "new",
                     *         "leadSource": "webform"
                     *       },
                     *       "status": "open",
                     *       "priority": "normal",
                     *       "assigneeId": null,
                     *       "teamId": null,
                     *       "tags": [
                     *         "billing"
                     *       ],
                     *       "leadStage": "new",
                     *       "lastMessageAt": "2026-03-02T14:05:09.123Z",
                     *       "lastMessagePreview": "Can I move my appointment?",
                     *       "lastChannel": "sms",
                     *       "unreadCount": 1,
                     *       "unread": true,
                     *       "snoozedUntil": null,
                     *       "secureMessageUnread": false,
                     *       "waitingSince": "2026-03-02T14:05:09.123Z",
                     *       "slaBreachedAt": null,
                     *       "closedAt": null,
                     *       "createdAt": "2026-03-02T14:05:09.123Z"
                     *     }
                     */
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        contact: {
                            /** Format: uuid */
                            id: string;
                            displayName: string | null;
                            /** @description E.164 */
                            phone: string | null;
                            email: string | null;
                            dateOfBirth: string | null;
                            leadStage: ("new" | "contacted" | "scheduled" | "patient" | "lost") | null;
                            /** @description The channel of the contact's first message */
                            leadSource: ("sms" | "email" | "webform" | "chat" | "portal") | null;
                        };
                        /** @enum {string} */
                        status: "open" | "pending" | "closed" | "snoozed";
                        /** @enum {string} */
                        priority: "low" | "normal" | "high" | "urgent";
                        assigneeId: string | null;
                        /** @description The team a routing rule sent it to (filter: assignee=team:<teamId>); null: none */
                        teamId: string | null;
                        tags: string[];
                        /** @description The contact's lead stage */
                        leadStage: ("new" | "contacted" | "scheduled" | "patient" | "lost") | null;
                        lastMessageAt: string | null;
                        lastMessagePreview: string | null;
                        lastChannel: ("sms" | "email" | "webform" | "chat" | "portal") | null;
                        /** @description Inbound messages since the conversation was last marked read (by anyone) */
                        unreadCount: number;
                        /** @description Whether the caller has not read up to the newest message */
                        unread: boolean;
                        /** @description Set only while the status is snoozed */
                        snoozedUntil: string | null;
                        /** @description A secure message of this conversation was not opened after its last reminder (see the practice settings secureReminderMax/secureReminderDelayHours); cleared when the patient next reads the conversation in the portal */
                        secureMessageUnread: boolean;
                        /** @description The patient's first message since the last staff reply (notes, system texts and consent requests do not count); null when nobody is waiting */
                        waitingSince: string | null;
                        /** @description When this wait went over the practice's SLA (settings slaMinutes); cleared by a staff reply or a close */
                        slaBreachedAt: string | null;
                        closedAt: string | null;
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
                    /** @description An active staff user of the practice (needs conversations.assign); null unassigns */
                    assigneeId?: string | null;
                    /** @description A team of the practice (needs conversations.assign); null takes it out of its team */
                    teamId?: string | null;
                    /** @enum {string} */
                    priority?: "low" | "normal" | "high" | "urgent";
                    /** @description Replaces the tags (lowercased) */
                    tags?: string[];
                    /** @description The contact's lead stage */
                    leadStage?: ("new" | "contacted" | "scheduled" | "patient" | "lost") | null;
                    /**
                     * Format: date-time
                     * @description When a snoozed conversation reopens: required with status snoozed and only with it; in the future, at most a year ahead
                     */
                    snoozedUntil?: string;
                };
            };
        };
        responses: {
            /** @description The conversation as the inbox lists it */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "0b5d3c1e-8f2a-4c7d-9e1b-2a3f4c5d6e7f",
                     *       "contact": {
                     *         "id": "5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b",
                     *         "displayName": "Jane Doe"
                     *       },
                     *       "status": "open",
                     *       "priority": "normal",
                     *       "assigneeId": null,
                     *       "teamId": null,
                     *       "tags": [
                     *         "billing"
                     *       ],
                     *       "leadStage": "new",
                     *       "lastMessageAt": "2026-03-02T14:05:09.123Z",
                     *       "lastMessagePreview": "Can I move my appointment?",
                     *       "lastChannel": "sms",
                     *       "unreadCount": 1,
                     *       "unread": true,
                     *       "snoozedUntil": null,
                     *       "secureMessageUnread": false,
                     *       "waitingSince": "2026-03-02T14:05:09.123Z",
                     *       "slaBreachedAt": null,
                     *       "closedAt": null,
                     *       "createdAt": "2026-03-02T14:05:09.123Z"
                     *     }
                     */
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        contact: {
                            /** Format: uuid */
                            id: string;
                            displayName: string | null;
                        };
                        /** @enum {string} */
                        status: "open" | "pending" | "closed" | "snoozed";
                        /** @enum {string} */
                        priority: "low" | "normal" | "high" | "urgent";
                        assigneeId: string | null;
                        /** @description The team a routing rule sent it to (filter: assignee=team:<teamId>); null: none */
                        teamId: string | null;
                        tags: string[];
                        /** @description The contact's lead stage */
                        leadStage: ("new" | "contacted" | "scheduled" | "patient" | "lost") | null;
                        lastMessageAt: string | null;
                        lastMessagePreview: string | null;
                        lastChannel: ("sms" | "email" | "webform" | "chat" | "portal") | null;
                        /** @description Inbound messages since the conversation was last marked read (by anyone) */
                        unreadCount: number;
                        /** @description Whether the caller has not read up to the newest message */
                        unread: boolean;
                        /** @description Set only while the status is snoozed */
                        snoozedUntil: string | null;
                        /** @description A secure message of this conversation was not opened after its last reminder (see the practice settings secureReminderMax/secureReminderDelayHours); cleared when the patient next reads the conversation in the portal */
                        secureMessageUnread: boolean;
                        /** @description The patient's first message since the last staff reply (notes, system texts and consent requests do not count); null when nobody is waiting */
                        waitingSince: string | null;
                        /** @description When this wait went over the practice's SLA (settings slaMinutes); cleared by a staff reply or a close */
                        slaBreachedAt: string | null;
                        closedAt: string | null;
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
            /** @description conversation_conflict, concurrent_change */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "concurrent_change" | "conversation_conflict";
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
            /** @description invalid_assignee, invalid_team */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_assignee" | "invalid_team";
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
            /** @description A page of messages */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "id": "7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e0f",
                     *           "direction": "inbound",
                     *           "channel": "sms",
                     *           "kind": "message",
                     *           "body": "Can I move my appointment? Photo of the letter attached.",
                     *           "status": "received",
                     *           "createdAt": "2026-03-02T14:05:09.123Z",
                     *           "attachments": [
                     *             {
                     *               "id": "9e0f1a2b-3c4d-4e5f-8a6b-7c8d9e0f1a2b",
                     *               "fileName": "attachment-1.jpg",
                     *               "contentType": "image/jpeg",
                     *               "size": 48213
                     *             }
                     *           ]
                     *         },
                     *         {
                     *           "id": "2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a",
                     *           "direction": "inbound",
                     *           "channel": "webform",
                     *           "kind": "message",
                     *           "body": "New patient, looking for a cleaning.",
                     *           "status": "received",
                     *           "createdAt": "2026-03-02T14:05:09.123Z",
                     *           "attachments": [],
                     *           "fields": {
                     *             "insurance": "Delta Dental",
                     *             "preferredTime": "mornings",
                     *             "returning": false
                     *           }
                     *         }
                     *       ],
                     *       "nextCursor": null
                     *     }
                     */
                    "application/json": {
                        data: {
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            direction: "inbound" | "outbound";
                            /** @enum {string} */
                            channel: "sms" | "email" | "webform" | "chat" | "portal";
                            /** @enum {string} */
                            kind: "message" | "note" | "system";
                            body: string | null;
                            /** @description Outbound: queued, sending, sent, delivered, read, failed, undelivered; inbound: received; notes: internal */
                            status: string;
                            /** @enum {string} */
                            deliveryRoute?: "plain" | "secure_link" | "chat";
                            /** @description Inbound email: whether SPF/DKIM proved the From domain (SendGrid's results) */
                            authentication?: {
                                /** @enum {string} */
                                result: "pass" | "fail";
                                alignedBy: ("dkim" | "spf") | null;
                                spf: {
                                    /** @description RFC 7208 / RFC 8601 result word (pass, fail, softfail, neutral, none, ...), or unknown */
                                    result: string;
                                    aligned: boolean;
                                };
                                dkim: {
                                    /** @description RFC 7208 / RFC 8601 result word (pass, fail, softfail, neutral, none, ...), or unknown */
                                    result: string;
                                    aligned: boolean;
                                }[];
                            };
                            /** Format: date-time */
                            createdAt: string;
                            /** @description The staff member who wrote an outbound message or a note */
                            author?: {
                                /** Format: uuid */
                                id: string;
                                name: string | null;
                            };
                            /** @description The files received with the message (MMS media, email attachments), in order */
                            attachments: {
                                /**
                                 * Format: uuid
                                 * @description Download: GET /v1/messages/{the message's id}/attachments/{this id}
                                 */
                                id: string;
                                /** @description The sender's file name (email); MMS media have none: attachment-<n>.<extension> */
                                fileName: string;
                                contentType: string;
                                /** @description Bytes */
                                size: number;
                            }[];
                            /** @description A web form message: the structured fields submitted with it */
                            fields?: {
                                [key: string]: string | number | boolean | null;
                            };
                        }[];
                        /** @description Pass as `cursor` for the next page; null on the last page */
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
    ConversationsController_activity: {
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
            /** @description A page of activity */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "id": "5c6d7e8f-9a0b-4c1d-8e2f-3a4b5c6d7e8f",
                     *           "at": "2026-03-02T14:05:09.123Z",
                     *           "action": "conversation.assigned",
                     *           "actor": {
                     *             "type": "rule",
                     *             "id": "1f2e3d4c-5b6a-4978-8695-a4b3c2d1e0f9",
                     *             "name": "New texts to the front desk"
                     *           },
                     *           "details": {
                     *             "ruleId": "1f2e3d4c-5b6a-4978-8695-a4b3c2d1e0f9",
                     *             "ruleName": "New texts to the front desk",
                     *             "from": null,
                     *             "to": "3a4b5c6d-7e8f-4a9b-8c0d-1e2f3a4b5c6d",
                     *             "teamId": "6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d"
                     *           }
                     *         }
                     *       ],
                     *       "nextCursor": null
                     *     }
                     */
                    "application/json": {
                        data: {
                            /**
                             * Format: uuid
                             * @description The audit event
                             */
                            id: string;
                            /** Format: date-time */
                            at: string;
                            /** @description The audit action: conversation.assigned, conversation.status_changed, conversation.updated, conversation.note_added, and what automation does (routing rules, SLA breaches, auto-closes) */
                            action: string;
                            actor: {
                                /**
                                 * @description `rule`: a routing rule made the change (`id` and `name` are the rule's)
                                 * @enum {string}
                                 */
                                type: "user" | "rule" | "system" | "patient" | "provider";
                                id: string;
                                /** @description A user's or a rule's name; null for others */
                                name: string | null;
                            };
                            /** @description What changed: ids, field names and fixed values (never message text) */
                            details: {
                                [key: string]: string | number | boolean | null;
                            };
                        }[];
                        /** @description Pass as `cursor` for the next page; null on the last page */
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
            /** @description The note was added */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e0f",
                     *       "conversationId": "0b5d3c1e-8f2a-4c7d-9e1b-2a3f4c5d6e7f",
                     *       "kind": "note",
                     *       "createdAt": "2026-03-02T14:05:09.123Z"
                     *     }
                     */
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        conversationId: string;
                        /** @constant */
                        kind: "note";
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
            /** @description mfa_enrollment_required, forbidden */
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
            /** @description Marked read */
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
            /** @description mfa_enrollment_required, forbidden */
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
    MessageAttachmentsController_download: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The message's id (any other value answers 404 not_found) */
                id: string;
                /** @description The attachment's id (any other value answers 404 not_found) */
                attachmentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file */
            200: {
                headers: {
                    /** @description attachment; filename="<ASCII fallback>"; filename*=UTF-8''<the file name, percent-encoded> */
                    "Content-Disposition"?: string;
                    /** @description nosniff */
                    "X-Content-Type-Options"?: string;
                    /** @description no-store */
                    "Cache-Control"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "image/jpeg": string;
                    "image/png": string;
                    "image/gif": string;
                    "image/webp": string;
                    "image/heic": string;
                    "image/heif": string;
                    "image/tiff": string;
                    "application/pdf": string;
                    "text/vcard": string;
                    "text/x-vcard": string;
                    "text/plain": string;
                    "text/csv": string;
                    "text/calendar": string;
                    "audio/mpeg": string;
                    "audio/mp4": string;
                    "audio/amr": string;
                    "video/mp4": string;
                    "video/3gpp": string;
                    "application/msword": string;
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": string;
                    "application/vnd.ms-excel": string;
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    "application/rtf": string;
                    "application/octet-stream": string;
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
            /** @description mfa_enrollment_required, forbidden */
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
    AttachmentUploadsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /**
                     * Format: binary
                     * @description The file, with its Content-Type
                     */
                    file: string;
                };
            };
        };
        responses: {
            /** @description Stored; not yet attached to any message */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "7d0c2a8e-3f1b-4c5d-9e6f-1a2b3c4d5e6f",
                     *       "fileName": "lab-results.pdf",
                     *       "contentType": "application/pdf",
                     *       "size": 48213
                     *     }
                     */
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description Name it in `attachmentIds` of a reply or a first message
                         */
                        id: string;
                        /** @description The file name as stored (path and control characters removed) */
                        fileName: string;
                        /** @enum {string} */
                        contentType: "application/pdf" | "image/png" | "image/jpeg" | "image/gif" | "image/webp";
                        /** @description Bytes */
                        size: number;
                    };
                };
            };
            /** @description file_required, invalid_multipart, bad_request, validation_failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "bad_request" | "file_required" | "invalid_multipart" | "validation_failed";
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
            /** @description file_too_large, payload_too_large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "file_too_large" | "payload_too_large";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description unsupported_media_type, unsupported_file_type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_file_type" | "unsupported_media_type";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
            /** @description file_content_mismatch */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "file_content_mismatch";
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
            /** @description The matching contacts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "id": "5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b",
                     *           "name": "Jane Doe",
                     *           "phone": "+15555550123",
                     *           "email": "jane@example.com",
                     *           "dateOfBirth": "1980-04-12",
                     *           "leadStage": "new",
                     *           "lastActivityAt": "2026-03-02T14:05:09.123Z",
                     *           "createdAt": "2026-02-27T09:12:44.001Z"
                     *         }
                     *       ],
                     *       "nextCursor": null
                     *     }
                     */
                    "application/json": {
                        data: {
                            /** Format: uuid */
                            id: string;
                            name: string | null;
                            /** @description E.164 */
                            phone: string | null;
                            /** @description Normalized (lowercase) */
                            email: string | null;
                            dateOfBirth: string | null;
                            leadStage: ("new" | "contacted" | "scheduled" | "patient" | "lost") | null;
                            lastActivityAt: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /**
                             * Format: uuid
                             * @description Only on a contact merged into another: the one that holds its conversations now
                             */
                            mergedInto?: string;
                            /** @description Only on an unproven claim: an address typed into the chat or a form, or the From of an email that SPF/DKIM did not prove */
                            unverified?: {
                                /** @enum {string} */
                                reason: "typed_address" | "unauthenticated_email";
                            };
                            /** @description With `unverified`: the claimed addresses, kept apart from phone and email */
                            claimed?: {
                                phone: string | null;
                                email: string | null;
                            } | null;
                            /** @description With `unverified`: the contact that holds the claimed address */
                            possibleMatch?: {
                                /** Format: uuid */
                                contactId: string;
                                /** @enum {string} */
                                reason: "claimed_address_on_file" | "unauthenticated_email";
                            };
                        }[];
                        /** @description Pass as `cursor` for the next page; null on the last page */
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
    ContactsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    /** @description A phone number in any common format, stored as E.164 (400 validation_failed if it is not one) */
                    phone?: string;
                    /** @description An email address (400 validation_failed if it is not one) */
                    email?: string;
                    /**
                     * Format: date
                     * @description YYYY-MM-DD, from 1900-01-01 to today
                     */
                    dateOfBirth?: string;
                } | unknown | unknown;
            };
        };
        responses: {
            /** @description The new contact */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b",
                     *       "name": "Jane Doe",
                     *       "phone": "+15555550123",
                     *       "email": "jane@example.com",
                     *       "dateOfBirth": "1980-04-12",
                     *       "leadStage": "new",
                     *       "lastActivityAt": "2026-03-02T14:05:09.123Z",
                     *       "createdAt": "2026-02-27T09:12:44.001Z"
                     *     }
                     */
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        name: string | null;
                        /** @description E.164 */
                        phone: string | null;
                        /** @description Normalized (lowercase) */
                        email: string | null;
                        dateOfBirth: string | null;
                        leadStage: ("new" | "contacted" | "scheduled" | "patient" | "lost") | null;
                        lastActivityAt: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /**
                         * Format: uuid
                         * @description Only on a contact merged into another: the one that holds its conversations now
                         */
                        mergedInto?: string;
                        /** @description Only on an unproven claim: an address typed into the chat or a form, or the From of an email that SPF/DKIM did not prove */
                        unverified?: {
                            /** @enum {string} */
                            reason: "typed_address" | "unauthenticated_email";
                        };
                        /** @description With `unverified`: the claimed addresses, kept apart from phone and email */
                        claimed?: {
                            phone: string | null;
                            email: string | null;
                        } | null;
                        /** @description With `unverified`: the contact that holds the claimed address */
                        possibleMatch?: {
                            /** Format: uuid */
                            contactId: string;
                            /** @enum {string} */
                            reason: "claimed_address_on_file" | "unauthenticated_email";
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
            /** @description contact_exists */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "contact_exists";
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
            /** @description The contact, with its standing SMS opt-out and email suppression (null when none) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b",
                     *       "name": "Jane Doe",
                     *       "phone": "+15555550123",
                     *       "email": "jane@example.com",
                     *       "dateOfBirth": "1980-04-12",
                     *       "leadStage": "new",
                     *       "lastActivityAt": "2026-03-02T14:05:09.123Z",
                     *       "createdAt": "2026-02-27T09:12:44.001Z",
                     *       "smsOptOut": {
                     *         "since": "2026-03-03T18:22:41.512Z",
                     *         "source": "keyword",
                     *         "keyword": "STOP"
                     *       },
                     *       "emailSuppression": null
                     *     }
                     */
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        name: string | null;
                        /** @description E.164 */
                        phone: string | null;
                        /** @description Normalized (lowercase) */
                        email: string | null;
                        dateOfBirth: string | null;
                        leadStage: ("new" | "contacted" | "scheduled" | "patient" | "lost") | null;
                        lastActivityAt: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /**
                         * Format: uuid
                         * @description Only on a contact merged into another: the one that holds its conversations now
                         */
                        mergedInto?: string;
                        /** @description Only on an unproven claim: an address typed into the chat or a form, or the From of an email that SPF/DKIM did not prove */
                        unverified?: {
                            /** @enum {string} */
                            reason: "typed_address" | "unauthenticated_email";
                        };
                        /** @description With `unverified`: the claimed addresses, kept apart from phone and email */
                        claimed?: {
                            phone: string | null;
                            email: string | null;
                        } | null;
                        /** @description With `unverified`: the contact that holds the claimed address */
                        possibleMatch?: {
                            /** Format: uuid */
                            contactId: string;
                            /** @enum {string} */
                            reason: "claimed_address_on_file" | "unauthenticated_email";
                        };
                        /** @description The phone on file opted out of texts (nothing is sent to it until it texts START); null when it did not, or there is no phone */
                        smsOptOut: {
                            /**
                             * Format: date-time
                             * @description When the number opted out (its latest opt-out event)
                             */
                            since: string;
                            /**
                             * @description keyword: the patient texted STOP (or Twilio reported OptOutType STOP); provider: Twilio refused a send with 21610 (the number had sent STOP to the carrier); staff: recorded by staff
                             * @enum {string}
                             */
                            source: "keyword" | "provider" | "staff";
                            /** @description The keyword texted (STOP, UNSUBSCRIBE...), when one was */
                            keyword: string | null;
                        } | null;
                        /** @description The email on file is suppressed (hard bounce, drop, spam report or unsubscribe: nothing is emailed until staff lift it, POST /v1/contacts/{id}/email-suppression/lift); null when it is not, or there is no email */
                        emailSuppression: {
                            /**
                             * Format: date-time
                             * @description When the address was suppressed
                             */
                            since: string;
                            /** @enum {string} */
                            reason: "bounce" | "dropped" | "spamreport" | "unsubscribe";
                        } | null;
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
                    /** @description An email address (400 validation_failed if it is not one); null clears */
                    email?: string | null;
                    /** @description A phone number, stored as E.164 (400 validation_failed if it is not one); null clears */
                    phone?: string | null;
                    dateOfBirth?: string | null;
                    leadStage?: ("new" | "contacted" | "scheduled" | "patient" | "lost") | null;
                };
            };
        };
        responses: {
            /** @description The contact as changed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b",
                     *       "name": "Jane Doe",
                     *       "phone": "+15555550123",
                     *       "email": "jane@example.com",
                     *       "dateOfBirth": "1980-04-12",
                     *       "leadStage": "new",
                     *       "lastActivityAt": "2026-03-02T14:05:09.123Z",
                     *       "createdAt": "2026-02-27T09:12:44.001Z"
                     *     }
                     */
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        name: string | null;
                        /** @description E.164 */
                        phone: string | null;
                        /** @description Normalized (lowercase) */
                        email: string | null;
                        dateOfBirth: string | null;
                        leadStage: ("new" | "contacted" | "scheduled" | "patient" | "lost") | null;
                        lastActivityAt: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /**
                         * Format: uuid
                         * @description Only on a contact merged into another: the one that holds its conversations now
                         */
                        mergedInto?: string;
                        /** @description Only on an unproven claim: an address typed into the chat or a form, or the From of an email that SPF/DKIM did not prove */
                        unverified?: {
                            /** @enum {string} */
                            reason: "typed_address" | "unauthenticated_email";
                        };
                        /** @description With `unverified`: the claimed addresses, kept apart from phone and email */
                        claimed?: {
                            phone: string | null;
                            email: string | null;
                        } | null;
                        /** @description With `unverified`: the contact that holds the claimed address */
                        possibleMatch?: {
                            /** Format: uuid */
                            contactId: string;
                            /** @enum {string} */
                            reason: "claimed_address_on_file" | "unauthenticated_email";
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
            /** @description concurrent_change */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "concurrent_change";
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
                    /**
                     * Format: uuid
                     * @description The contact merged into this one (it ends up with mergedInto)
                     */
                    otherContactId: string;
                };
            };
        };
        responses: {
            /** @description What moved, and this contact */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "conversationsMoved": 1,
                     *       "messagesMoved": 4,
                     *       "consentsCopied": 1,
                     *       "foldedConversationId": null,
                     *       "contact": {
                     *         "id": "5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b",
                     *         "name": "Jane Doe",
                     *         "phone": "+15555550123",
                     *         "email": "jane@example.com",
                     *         "dateOfBirth": "1980-04-12",
                     *         "leadStage": "new",
                     *         "lastActivityAt": "2026-03-02T14:05:09.123Z",
                     *         "createdAt": "2026-02-27T09:12:44.001Z"
                     *       }
                     *     }
                     */
                    "application/json": {
                        conversationsMoved: number;
                        messagesMoved: number;
                        consentsCopied: number;
                        /** @description The merged contact's open conversation, folded into this contact's (one open per contact) */
                        foldedConversationId: string | null;
                        contact: {
                            /** Format: uuid */
                            id: string;
                            name: string | null;
                            /** @description E.164 */
                            phone: string | null;
                            /** @description Normalized (lowercase) */
                            email: string | null;
                            dateOfBirth: string | null;
                            leadStage: ("new" | "contacted" | "scheduled" | "patient" | "lost") | null;
                            lastActivityAt: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /**
                             * Format: uuid
                             * @description Only on a contact merged into another: the one that holds its conversations now
                             */
                            mergedInto?: string;
                            /** @description Only on an unproven claim: an address typed into the chat or a form, or the From of an email that SPF/DKIM did not prove */
                            unverified?: {
                                /** @enum {string} */
                                reason: "typed_address" | "unauthenticated_email";
                            };
                            /** @description With `unverified`: the claimed addresses, kept apart from phone and email */
                            claimed?: {
                                phone: string | null;
                                email: string | null;
                            } | null;
                            /** @description With `unverified`: the contact that holds the claimed address */
                            possibleMatch?: {
                                /** Format: uuid */
                                contactId: string;
                                /** @enum {string} */
                                reason: "claimed_address_on_file" | "unauthenticated_email";
                            };
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
            /** @description contact_merged, concurrent_change */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "concurrent_change" | "contact_merged";
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
            /** @description cannot_merge_self */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "cannot_merge_self";
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
            /** @description The canned responses */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "id": "2f3e4d5c-6b7a-4898-a7b6-c5d4e3f2a1b0",
                     *           "title": "Running late",
                     *           "body": "Hi, this is {staffFirstName} from {practiceName}: we are running about 15 minutes late today.",
                     *           "createdBy": "3a4b5c6d-7e8f-4a9b-8c0d-1e2f3a4b5c6d",
                     *           "createdAt": "2026-02-27T09:12:44.001Z",
                     *           "updatedAt": "2026-02-27T09:12:44.001Z"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        /** @description By title; at most 500 */
                        data: {
                            /** Format: uuid */
                            id: string;
                            title: string;
                            /** @description The template; placeholders {practiceName} and {staffFirstName} */
                            body: string;
                            /**
                             * Format: uuid
                             * @description The staff user who added it
                             */
                            createdBy: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
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
                    /** @description Placeholders allowed: {practiceName}, {staffFirstName}; no others */
                    body: string;
                };
            };
        };
        responses: {
            /** @description Added */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "2f3e4d5c-6b7a-4898-a7b6-c5d4e3f2a1b0",
                     *       "title": "Running late",
                     *       "body": "Hi, this is {staffFirstName} from {practiceName}: we are running about 15 minutes late today.",
                     *       "createdBy": "3a4b5c6d-7e8f-4a9b-8c0d-1e2f3a4b5c6d",
                     *       "createdAt": "2026-02-27T09:12:44.001Z",
                     *       "updatedAt": "2026-02-27T09:12:44.001Z"
                     *     }
                     */
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        title: string;
                        /** @description The template; placeholders {practiceName} and {staffFirstName} */
                        body: string;
                        /**
                         * Format: uuid
                         * @description The staff user who added it
                         */
                        createdBy: string;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
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
            /** @description Deleted */
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
                    /** @description Placeholders allowed: {practiceName}, {staffFirstName}; no others */
                    body?: string;
                };
            };
        };
        responses: {
            /** @description Changed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "2f3e4d5c-6b7a-4898-a7b6-c5d4e3f2a1b0",
                     *       "title": "Running late",
                     *       "body": "Hi, this is {staffFirstName} from {practiceName}: we are running about 15 minutes late today.",
                     *       "createdBy": "3a4b5c6d-7e8f-4a9b-8c0d-1e2f3a4b5c6d",
                     *       "createdAt": "2026-02-27T09:12:44.001Z",
                     *       "updatedAt": "2026-02-27T09:12:44.001Z"
                     *     }
                     */
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        title: string;
                        /** @description The template; placeholders {practiceName} and {staffFirstName} */
                        body: string;
                        /**
                         * Format: uuid
                         * @description The staff user who added it
                         */
                        createdBy: string;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
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
            /** @description The filled template */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "2f3e4d5c-6b7a-4898-a7b6-c5d4e3f2a1b0",
                     *       "text": "Hi, this is Sam from Smile Dental: we are running about 15 minutes late today."
                     *     }
                     */
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** @description The template with the practice's name and the caller's first name */
                        text: string;
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
    EventsController_stream: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An event stream (text/event-stream), open until the token expires */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example event: ready
                     *     data: {}
                     *
                     *     id: 9d1c0e8e-5a3b-4c1e-9f0a-2b6c7d8e9f01
                     *     event: message.created
                     *     data: {"id":"9d1c0e8e-5a3b-4c1e-9f0a-2b6c7d8e9f01","type":"message.created","at":"2026-03-02T14:05:09.123Z","conversationId":"0b5d3c1e-8f2a-4c7d-9e1b-2a3f4c5d6e7f","messageId":"7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e0f","contactId":"5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b","channel":"sms","direction":"inbound"}
                     */
                    "text/event-stream": string;
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
            /** @description too_many_streams */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "too_many_streams";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    LegalHoldsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The holds */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "id": "5b9d3c1e-2f4a-4c6b-8d7e-9f0a1b2c3d4e",
                     *           "scope": "contact",
                     *           "contactId": "0e6f1a2b-3c4d-4e5f-8a7b-9c0d1e2f3a4b",
                     *           "active": true,
                     *           "placedBy": "3f1c9a52-6b1e-4d4f-9c47-2a8e5d0b7c11",
                     *           "placedAt": "2026-03-02T14:05:09.000Z",
                     *           "releasedBy": null,
                     *           "releasedAt": null
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        data: {
                            /** Format: uuid */
                            id: string;
                            /**
                             * @description The whole practice, or one contact
                             * @enum {string}
                             */
                            scope: "practice" | "contact";
                            /** @description The contact held (null for the practice) */
                            contactId: string | null;
                            /** @description True until released; while true nothing it covers is purged */
                            active: boolean;
                            /** Format: uuid */
                            placedBy: string;
                            /** Format: date-time */
                            placedAt: string;
                            releasedBy: string | null;
                            releasedAt: string | null;
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
    LegalHoldsController_place: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The contact to hold; null (or left out) holds the whole practice */
                    contactId?: string | null;
                };
            };
        };
        responses: {
            /** @description The hold */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "5b9d3c1e-2f4a-4c6b-8d7e-9f0a1b2c3d4e",
                     *       "scope": "contact",
                     *       "contactId": "0e6f1a2b-3c4d-4e5f-8a7b-9c0d1e2f3a4b",
                     *       "active": true,
                     *       "placedBy": "3f1c9a52-6b1e-4d4f-9c47-2a8e5d0b7c11",
                     *       "placedAt": "2026-03-02T14:05:09.000Z",
                     *       "releasedBy": null,
                     *       "releasedAt": null
                     *     }
                     */
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /**
                         * @description The whole practice, or one contact
                         * @enum {string}
                         */
                        scope: "practice" | "contact";
                        /** @description The contact held (null for the practice) */
                        contactId: string | null;
                        /** @description True until released; while true nothing it covers is purged */
                        active: boolean;
                        /** Format: uuid */
                        placedBy: string;
                        /** Format: date-time */
                        placedAt: string;
                        releasedBy: string | null;
                        releasedAt: string | null;
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
            /** @description legal_hold_exists */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "legal_hold_exists";
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
    LegalHoldsController_release: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The legal hold's id (any other value answers 404 not_found) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The hold as released */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "5b9d3c1e-2f4a-4c6b-8d7e-9f0a1b2c3d4e",
                     *       "scope": "contact",
                     *       "contactId": "0e6f1a2b-3c4d-4e5f-8a7b-9c0d1e2f3a4b",
                     *       "active": false,
                     *       "placedBy": "3f1c9a52-6b1e-4d4f-9c47-2a8e5d0b7c11",
                     *       "placedAt": "2026-03-02T14:05:09.000Z",
                     *       "releasedBy": "3f1c9a52-6b1e-4d4f-9c47-2a8e5d0b7c11",
                     *       "releasedAt": "2026-03-02T14:05:09.000Z"
                     *     }
                     */
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /**
                         * @description The whole practice, or one contact
                         * @enum {string}
                         */
                        scope: "practice" | "contact";
                        /** @description The contact held (null for the practice) */
                        contactId: string | null;
                        /** @description True until released; while true nothing it covers is purged */
                        active: boolean;
                        /** Format: uuid */
                        placedBy: string;
                        /** Format: date-time */
                        placedAt: string;
                        releasedBy: string | null;
                        releasedAt: string | null;
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
    TeamsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The teams */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "id": "6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d",
                     *           "name": "Front desk",
                     *           "memberIds": [
                     *             "3a4b5c6d-7e8f-4a9b-8c0d-1e2f3a4b5c6d",
                     *             "4b5c6d7e-8f9a-4b0c-9d1e-2f3a4b5c6d7e"
                     *           ],
                     *           "createdAt": "2026-03-02T14:05:09.123Z",
                     *           "updatedAt": "2026-03-02T14:05:09.123Z"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        data: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            /** @description In the order they joined */
                            memberIds: string[];
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
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
    TeamsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    /** @description Users of the practice (deactivated and away members are skipped by round-robin) */
                    memberIds?: string[];
                };
            };
        };
        responses: {
            /** @description Added */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d",
                     *       "name": "Front desk",
                     *       "memberIds": [
                     *         "3a4b5c6d-7e8f-4a9b-8c0d-1e2f3a4b5c6d",
                     *         "4b5c6d7e-8f9a-4b0c-9d1e-2f3a4b5c6d7e"
                     *       ],
                     *       "createdAt": "2026-03-02T14:05:09.123Z",
                     *       "updatedAt": "2026-03-02T14:05:09.123Z"
                     *     }
                     */
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        name: string;
                        /** @description In the order they joined */
                        memberIds: string[];
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
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
            /** @description team_name_taken */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "team_name_taken";
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
            /** @description invalid_team_member */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_team_member";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    TeamsController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The team's id (any other value answers 404 not_found) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
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
            /** @description team_in_use */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "team_in_use";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    TeamsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The team's id (any other value answers 404 not_found) */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    /** @description Users of the practice (deactivated and away members are skipped by round-robin) */
                    memberIds?: string[];
                };
            };
        };
        responses: {
            /** @description Changed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d",
                     *       "name": "Front desk",
                     *       "memberIds": [
                     *         "3a4b5c6d-7e8f-4a9b-8c0d-1e2f3a4b5c6d",
                     *         "4b5c6d7e-8f9a-4b0c-9d1e-2f3a4b5c6d7e"
                     *       ],
                     *       "createdAt": "2026-03-02T14:05:09.123Z",
                     *       "updatedAt": "2026-03-02T14:05:09.123Z"
                     *     }
                     */
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        name: string;
                        /** @description In the order they joined */
                        memberIds: string[];
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
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
            /** @description team_name_taken */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "team_name_taken";
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
            /** @description invalid_team_member */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_team_member";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    RoutingRulesController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The rules */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "id": "1f2e3d4c-5b6a-4978-8695-a4b3c2d1e0f9",
                     *           "name": "After-hours texts to the front desk",
                     *           "position": 10,
                     *           "enabled": true,
                     *           "onReopen": false,
                     *           "conditions": {
                     *             "channel": [
                     *               "sms"
                     *             ],
                     *             "channelId": "8c9d0e1f-2a3b-4c4d-8e5f-6a7b8c9d0e1f",
                     *             "businessHours": "outside"
                     *           },
                     *           "actions": {
                     *             "assignTeamId": "6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d",
                     *             "addTags": [
                     *               "after-hours"
                     *             ],
                     *             "priority": "high"
                     *           },
                     *           "createdAt": "2026-03-02T14:05:09.123Z",
                     *           "updatedAt": "2026-03-02T14:05:09.123Z"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        /** @description In the order they run */
                        data: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            position: number;
                            enabled: boolean;
                            onReopen: boolean;
                            conditions: {
                                channel?: ("sms" | "email" | "webform" | "chat" | "portal")[];
                                /** Format: uuid */
                                channelId?: string;
                                leadStage?: ("new" | "contacted" | "scheduled" | "patient" | "lost")[];
                                keyword?: string;
                                /** @enum {string} */
                                businessHours?: "within" | "outside";
                            };
                            actions: {
                                /** Format: uuid */
                                assignUserId?: string;
                                /** Format: uuid */
                                assignTeamId?: string;
                                addTags?: string[];
                                /** @enum {string} */
                                priority?: "low" | "normal" | "high" | "urgent";
                                /** @enum {string} */
                                leadStage?: "new" | "contacted" | "scheduled" | "patient" | "lost";
                            };
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
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
    RoutingRulesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    /** @description Default: after the last rule */
                    position?: number;
                    /** @default true */
                    enabled?: boolean;
                    /**
                     * @description Also run on a conversation the message reopened (default: new conversations only)
                     * @default false
                     */
                    onReopen?: boolean;
                    /** @description Every condition given must hold; none: every new conversation */
                    conditions?: {
                        /** @description The message came in on one of these kinds of channel */
                        channel?: ("sms" | "email" | "webform" | "chat" | "portal")[];
                        /** @description The message came in on this channel of the practice (number, form, widget, inbox) */
                        channelId?: string;
                        /** @description The contact's lead stage is one of these (a contact without a stage matches none) */
                        leadStage?: ("new" | "contacted" | "scheduled" | "patient" | "lost")[];
                        /** @description A word or phrase in the message, case-insensitive, whole words ("refill" does not match "refills"); matched on the server, the message text is never stored with the rule or in its audit */
                        keyword?: string;
                        /**
                         * @description The practice's business hours at the message's time (PUT /v1/practice/business-hours): neither matches while the practice has never set them
                         * @enum {string}
                         */
                        businessHours?: "within" | "outside";
                    };
                    actions: {
                        /** @description An active user of the practice */
                        assignUserId?: string;
                        /** @description Round-robin over the team's active members who are not away; the conversation keeps the team (inbox filter assignee=team:<id>), unassigned when nobody is available */
                        assignTeamId?: string;
                        addTags?: string[];
                        /** @enum {string} */
                        priority?: "low" | "normal" | "high" | "urgent";
                        /**
                         * @description The contact's lead stage
                         * @enum {string}
                         */
                        leadStage?: "new" | "contacted" | "scheduled" | "patient" | "lost";
                    };
                };
            };
        };
        responses: {
            /** @description Added */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "1f2e3d4c-5b6a-4978-8695-a4b3c2d1e0f9",
                     *       "name": "After-hours texts to the front desk",
                     *       "position": 10,
                     *       "enabled": true,
                     *       "onReopen": false,
                     *       "conditions": {
                     *         "channel": [
                     *           "sms"
                     *         ],
                     *         "channelId": "8c9d0e1f-2a3b-4c4d-8e5f-6a7b8c9d0e1f",
                     *         "businessHours": "outside"
                     *       },
                     *       "actions": {
                     *         "assignTeamId": "6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d",
                     *         "addTags": [
                     *           "after-hours"
                     *         ],
                     *         "priority": "high"
                     *       },
                     *       "createdAt": "2026-03-02T14:05:09.123Z",
                     *       "updatedAt": "2026-03-02T14:05:09.123Z"
                     *     }
                     */
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        name: string;
                        position: number;
                        enabled: boolean;
                        onReopen: boolean;
                        conditions: {
                            channel?: ("sms" | "email" | "webform" | "chat" | "portal")[];
                            /** Format: uuid */
                            channelId?: string;
                            leadStage?: ("new" | "contacted" | "scheduled" | "patient" | "lost")[];
                            keyword?: string;
                            /** @enum {string} */
                            businessHours?: "within" | "outside";
                        };
                        actions: {
                            /** Format: uuid */
                            assignUserId?: string;
                            /** Format: uuid */
                            assignTeamId?: string;
                            addTags?: string[];
                            /** @enum {string} */
                            priority?: "low" | "normal" | "high" | "urgent";
                            /** @enum {string} */
                            leadStage?: "new" | "contacted" | "scheduled" | "patient" | "lost";
                        };
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
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
            /** @description invalid_assignee, invalid_team, invalid_channel */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_assignee" | "invalid_channel" | "invalid_team";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
    RoutingRulesController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The routing rule's id (any other value answers 404 not_found) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
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
    RoutingRulesController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The routing rule's id (any other value answers 404 not_found) */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    /** @description Rules run by position, lowest first; equal positions run the older rule first. Sparse: nothing is renumbered */
                    position?: number;
                    enabled?: boolean;
                    onReopen?: boolean;
                    /** @description Replaces the conditions */
                    conditions?: {
                        /** @description The message came in on one of these kinds of channel */
                        channel?: ("sms" | "email" | "webform" | "chat" | "portal")[];
                        /** @description The message came in on this channel of the practice (number, form, widget, inbox) */
                        channelId?: string;
                        /** @description The contact's lead stage is one of these (a contact without a stage matches none) */
                        leadStage?: ("new" | "contacted" | "scheduled" | "patient" | "lost")[];
                        /** @description A word or phrase in the message, case-insensitive, whole words ("refill" does not match "refills"); matched on the server, the message text is never stored with the rule or in its audit */
                        keyword?: string;
                        /**
                         * @description The practice's business hours at the message's time (PUT /v1/practice/business-hours): neither matches while the practice has never set them
                         * @enum {string}
                         */
                        businessHours?: "within" | "outside";
                    };
                    /** @description Replaces the actions */
                    actions?: {
                        /** @description An active user of the practice */
                        assignUserId?: string;
                        /** @description Round-robin over the team's active members who are not away; the conversation keeps the team (inbox filter assignee=team:<id>), unassigned when nobody is available */
                        assignTeamId?: string;
                        addTags?: string[];
                        /** @enum {string} */
                        priority?: "low" | "normal" | "high" | "urgent";
                        /**
                         * @description The contact's lead stage
                         * @enum {string}
                         */
                        leadStage?: "new" | "contacted" | "scheduled" | "patient" | "lost";
                    };
                };
            };
        };
        responses: {
            /** @description Changed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "1f2e3d4c-5b6a-4978-8695-a4b3c2d1e0f9",
                     *       "name": "After-hours texts to the front desk",
                     *       "position": 10,
                     *       "enabled": true,
                     *       "onReopen": false,
                     *       "conditions": {
                     *         "channel": [
                     *           "sms"
                     *         ],
                     *         "channelId": "8c9d0e1f-2a3b-4c4d-8e5f-6a7b8c9d0e1f",
                     *         "businessHours": "outside"
                     *       },
                     *       "actions": {
                     *         "assignTeamId": "6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d",
                     *         "addTags": [
                     *           "after-hours"
                     *         ],
                     *         "priority": "high"
                     *       },
                     *       "createdAt": "2026-03-02T14:05:09.123Z",
                     *       "updatedAt": "2026-03-02T14:05:09.123Z"
                     *     }
                     */
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        name: string;
                        position: number;
                        enabled: boolean;
                        onReopen: boolean;
                        conditions: {
                            channel?: ("sms" | "email" | "webform" | "chat" | "portal")[];
                            /** Format: uuid */
                            channelId?: string;
                            leadStage?: ("new" | "contacted" | "scheduled" | "patient" | "lost")[];
                            keyword?: string;
                            /** @enum {string} */
                            businessHours?: "within" | "outside";
                        };
                        actions: {
                            /** Format: uuid */
                            assignUserId?: string;
                            /** Format: uuid */
                            assignTeamId?: string;
                            addTags?: string[];
                            /** @enum {string} */
                            priority?: "low" | "normal" | "high" | "urgent";
                            /** @enum {string} */
                            leadStage?: "new" | "contacted" | "scheduled" | "patient" | "lost";
                        };
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        updatedAt: string;
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
            /** @description invalid_assignee, invalid_team, invalid_channel */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_assignee" | "invalid_channel" | "invalid_team";
                            message: string;
                            /** @description What was refused (field paths and rules, never submitted values) */
                            details?: unknown;
                        };
                    };
                };
            };
        };
    };
}
