// components/resiliency.yaml is the one source of the resiliency values: this file loads it at compile time and turns
// its named policies and targets into the shapes ACA's resiliency resources take. Infra.Tests checks the compiled
// ARM JSON against the YAML.

// any(): the values are read by name and key below; the YAML's inferred literal types would reject optional keys.
var resiliency = any(loadYamlContent('../../components/resiliency.yaml'))
var policies = resiliency.spec.policies
var targets = resiliency.spec.targets

@description('A Go-style duration as Dapr writes it ("500ms", "5s", "1m", "1h"), in milliseconds.')
func milliseconds(duration string) int =>
  endsWith(duration, 'ms')
    ? int(take(duration, length(duration) - 2))
    : endsWith(duration, 's')
        ? int(take(duration, length(duration) - 1)) * 1000
        : endsWith(duration, 'm') ? int(take(duration, length(duration) - 1)) * 60000 : int(take(duration, length(duration) - 1)) * 3600000

// Dapr's exponential retry starts at 500ms when initialInterval is not set (dapr/dapr pkg/resiliency/policy.go uses
// dapr/kit retry.DefaultConfig: InitialInterval 500ms).
var defaultInitialIntervalMs = 500

@description('Named timeouts of resiliency.yaml, in seconds.')
var timeoutSeconds = toObject(items(policies.timeouts), t => t.key, t => milliseconds(t.value) / 1000)

@description('Named retries of resiliency.yaml as ACA httpRetryPolicy: a constant retry waits `duration` every time.')
var retries = toObject(items(policies.retries), r => r.key, r => {
  maxRetries: r.value.maxRetries
  retryBackOff: r.value.policy == 'constant'
    ? {
        initialDelayInMilliseconds: milliseconds(r.value.duration)
        maxIntervalInMilliseconds: milliseconds(r.value.duration)
      }
    : {
        initialDelayInMilliseconds: contains(r.value, 'initialInterval') ? milliseconds(r.value.initialInterval) : defaultInitialIntervalMs
        maxIntervalInMilliseconds: milliseconds(r.value.maxInterval)
      }
})

@export()
@description('ACA component resiliency (Microsoft.App/managedEnvironments/daprComponents/resiliencyPolicies properties) per component target of resiliency.yaml: its outbound side (Dapr to the component) as outboundPolicy, its inbound side (Dapr to the app: subscriptions, input bindings) as inboundPolicy.')
var componentPolicies = toObject(items(targets.components), c => c.key, c => toObject(
  filter(items(c.value), d => d.key == 'inbound' || d.key == 'outbound'),
  d => '${d.key}Policy',
  d => union(
    contains(d.value, 'timeout') ? { timeoutPolicy: { responseTimeoutInSeconds: timeoutSeconds[d.value.timeout] } } : {},
    contains(d.value, 'retry') ? { httpRetryPolicy: retries[d.value.retry] } : {}
  )
))

@export()
@description('ACA app resiliency (calls TO the app through the environment), from targets.apps. ACA breakers have no open-state timeout or half-open request count: only the trip condition and interval carry over.')
var appResiliency = toObject(items(targets.apps), a => a.key, a => union(
  { timeoutPolicy: { responseTimeoutInSeconds: timeoutSeconds[a.value.timeout] } },
  { httpRetryPolicy: union(retries[a.value.retry], { matches: { errors: ['5xx', 'connect-failure', 'reset'] } }) },
  contains(a.value, 'circuitBreaker')
    ? {
        circuitBreakerPolicy: {
          // trip: "consecutiveFailures >= N" (or "> N") → ACA's consecutiveErrors.
          consecutiveErrors: int(last(split(policies.circuitBreakers[a.value.circuitBreaker].trip, ' '))) + (contains(policies.circuitBreakers[a.value.circuitBreaker].trip, '>=') ? 0 : 1)
          intervalInSeconds: milliseconds(policies.circuitBreakers[a.value.circuitBreaker].interval) / 1000
          maxEjectionPercent: 100
        }
      }
    : {}
))

@export()
@description('The policies and app targets of resiliency.yaml as JSON, for apps that apply invocation resiliency themselves.')
var invocationSpec = string({ policies: policies, targets: { apps: targets.apps } })
