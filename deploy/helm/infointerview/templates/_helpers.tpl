{{/* The release's name for its objects: <release>-<service>, cut to 63 characters. */}}
{{- define "infointerview.component" -}}
{{- printf "%s-%s" .root.Release.Name .name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "infointerview.selectorLabels" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}

{{- define "infointerview.labels" -}}
{{ include "infointerview.selectorLabels" . }}
app.kubernetes.io/part-of: infointerview
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version }}
{{- end -}}

{{- define "infointerview.image" -}}
{{- printf "%s/%s:%s" .root.Values.image.registry .name (default .root.Chart.AppVersion .root.Values.image.tag) -}}
{{- end -}}

{{/* An Keycloak-style endpoint under the issuer unless one is given. */}}
{{- define "infointerview.oidc" -}}
{{- if .given -}}{{ .given }}{{- else -}}{{ printf "%s/protocol/openid-connect/%s" .root.Values.oidc.issuerUri .path }}{{- end -}}
{{- end -}}

{{- define "infointerview.secretEnv" -}}
- name: {{ .env }}
  valueFrom:
    secretKeyRef:
      name: {{ required "existingSecret names the Secret with the platform's credentials" .root.Values.existingSecret }}
      key: {{ .key }}
      {{- if .optional }}
      optional: true
      {{- end }}
{{- end -}}

{{/* Settings every Spring service reads. */}}
{{- define "infointerview.commonEnv" -}}
- name: PORT
  value: {{ .svc.port | quote }}
- name: MANAGEMENT_PORT
  value: {{ .svc.managementPort | quote }}
- name: MANAGEMENT_ADDRESS
  value: "0.0.0.0"
- name: JAVA_TOOL_OPTIONS
  value: {{ $ram := default .root.Values.jvm.maxRamPercentage .svc.maxRamPercentage }}{{ printf "-XX:MaxRAMPercentage=%v -XX:InitialRAMPercentage=%v -XX:+ExitOnOutOfMemoryError -XX:+UseSerialGC -Djava.io.tmpdir=/tmp" $ram $ram | quote }}
- name: LOGGING_STRUCTURED_FORMAT_CONSOLE
  value: {{ .root.Values.logging.format | quote }}
- name: MANAGEMENT_TRACING_SAMPLING_PROBABILITY
  value: {{ .root.Values.tracing.samplingProbability | quote }}
{{- with .root.Values.tracing.otlpEndpoint }}
- name: MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT
  value: {{ . | quote }}
{{- end }}
{{- if ne .name "web-ui" }}
- name: OIDC_ISSUER_URI
  value: {{ .root.Values.oidc.issuerUri | quote }}
- name: OIDC_JWK_SET_URI
  value: {{ include "infointerview.oidc" (dict "root" .root "given" .root.Values.oidc.jwkSetUri "path" "certs") | quote }}
- name: OIDC_AUDIENCE
  value: {{ .root.Values.oidc.audience | quote }}
{{- end }}
{{- if has .name (list "contacts-service" "interviews-service" "notifications-service") }}
- name: KAFKA_BOOTSTRAP_SERVERS
  value: {{ .root.Values.kafka.bootstrapServers | quote }}
{{ include "infointerview.secretEnv" (dict "root" .root "env" "MONGODB_URI" "key" (printf "%s-mongodb-uri" (trimSuffix "-service" .name))) }}
{{- end }}
{{- end -}}

{{/* What one service reads beyond the common settings. */}}
{{- define "infointerview.serviceEnv" -}}
{{- $root := .root -}}
{{- if eq .name "gateway" }}
- name: GATEWAY_PUBLIC_URL
  value: {{ $root.Values.publicUrl | quote }}
- name: SESSION_COOKIE_SECURE
  value: {{ hasPrefix "https://" $root.Values.publicUrl | quote }}
- name: OIDC_CLIENT_ID
  value: {{ $root.Values.oidc.gatewayClientId | quote }}
{{ include "infointerview.secretEnv" (dict "root" $root "env" "OIDC_CLIENT_SECRET" "key" "gateway-oidc-client-secret") }}
- name: OIDC_AUTHORIZATION_URI
  value: {{ include "infointerview.oidc" (dict "root" $root "given" $root.Values.oidc.authorizationUri "path" "auth") | quote }}
- name: OIDC_TOKEN_URI
  value: {{ include "infointerview.oidc" (dict "root" $root "given" $root.Values.oidc.tokenUri "path" "token") | quote }}
- name: OIDC_USER_INFO_URI
  value: {{ include "infointerview.oidc" (dict "root" $root "given" $root.Values.oidc.userInfoUri "path" "userinfo") | quote }}
- name: OIDC_END_SESSION_URI
  value: {{ include "infointerview.oidc" (dict "root" $root "given" $root.Values.oidc.endSessionUri "path" "logout") | quote }}
- name: CONTACTS_SERVICE_URI
  value: {{ printf "http://%s:%v" (include "infointerview.component" (dict "root" $root "name" "contacts-service")) (index $root.Values.services "contacts-service").port | quote }}
- name: INTERVIEWS_SERVICE_URI
  value: {{ printf "http://%s:%v" (include "infointerview.component" (dict "root" $root "name" "interviews-service")) (index $root.Values.services "interviews-service").port | quote }}
- name: NOTIFICATIONS_SERVICE_URI
  value: {{ printf "http://%s:%v" (include "infointerview.component" (dict "root" $root "name" "notifications-service")) (index $root.Values.services "notifications-service").port | quote }}
- name: WEB_UI_URI
  value: {{ printf "http://%s:%v" (include "infointerview.component" (dict "root" $root "name" "web-ui")) (index $root.Values.services "web-ui").port | quote }}
{{- if $root.Values.gateway.sharedSessions }}
{{ include "infointerview.secretEnv" (dict "root" $root "env" "GATEWAY_REDIS_URI" "key" "gateway-redis-uri") }}
{{- end }}
{{- else if eq .name "contacts-service" }}
{{ include "infointerview.secretEnv" (dict "root" $root "env" "ALUMNI_API_KEY" "key" "alumni-api-key" "optional" true) }}
{{ include "infointerview.secretEnv" (dict "root" $root "env" "ALUMNI_API_CLIENT_SECRET" "key" "alumni-api-client-secret" "optional" true) }}
{{- else if eq .name "interviews-service" }}
{{ include "infointerview.secretEnv" (dict "root" $root "env" "INTERVIEWS_ANSWER_LINK_SECRET" "key" "interviews-answer-link-secret") }}
{{- else if eq .name "notifications-service" }}
- name: GATEWAY_PUBLIC_URL
  value: {{ $root.Values.publicUrl | quote }}
- name: SMTP_HOST
  value: {{ $root.Values.smtp.host | quote }}
- name: SMTP_PORT
  value: {{ $root.Values.smtp.port | quote }}
- name: SMTP_STARTTLS
  value: {{ $root.Values.smtp.starttls | quote }}
{{ include "infointerview.secretEnv" (dict "root" $root "env" "SMTP_USERNAME" "key" "smtp-username" "optional" true) }}
{{ include "infointerview.secretEnv" (dict "root" $root "env" "SMTP_PASSWORD" "key" "smtp-password" "optional" true) }}
- name: MAIL_FROM_ADDRESS
  value: {{ $root.Values.smtp.fromAddress | quote }}
- name: MAIL_FROM_NAME
  value: {{ $root.Values.smtp.fromName | quote }}
- name: MAIL_SEND_RATE
  value: {{ $root.Values.smtp.sendRate | quote }}
- name: CONTACTS_SERVICE_URI
  value: {{ printf "http://%s:%v" (include "infointerview.component" (dict "root" $root "name" "contacts-service")) (index $root.Values.services "contacts-service").port | quote }}
- name: OIDC_TOKEN_URI
  value: {{ include "infointerview.oidc" (dict "root" $root "given" $root.Values.oidc.tokenUri "path" "token") | quote }}
- name: NOTIFICATIONS_CLIENT_ID
  value: {{ $root.Values.oidc.notificationsClientId | quote }}
{{ include "infointerview.secretEnv" (dict "root" $root "env" "NOTIFICATIONS_CLIENT_SECRET" "key" "notifications-client-secret") }}
{{ include "infointerview.secretEnv" (dict "root" $root "env" "NOTIFICATIONS_LINK_SECRET" "key" "notifications-link-secret") }}
{{- end }}
{{- end -}}
