// The Dapr resiliency policies of components/resiliency.yaml, in the units ACA's resiliency resources take.
// Infra.Tests parses resiliency.yaml and checks the compiled ARM JSON against it: change both together.

@export()
@description('Named timeouts (timeouts.general, timeouts.important), in seconds.')
var timeouts = {
  general: 5
  important: 30
}

@export()
@description('retries.pubsubRetry: exponential, Dapr\'s default initialInterval 500ms, maxInterval 10s, maxRetries 5.')
var pubsubRetry = {
  maxRetries: 5
  retryBackOff: { initialDelayInMilliseconds: 500, maxIntervalInMilliseconds: 10000 }
}

@export()
@description('retries.serviceRetry: constant 1s (initial delay = max interval), maxRetries 3.')
var serviceRetry = {
  maxRetries: 3
  retryBackOff: { initialDelayInMilliseconds: 1000, maxIntervalInMilliseconds: 1000 }
}

@export()
@description('circuitBreakers.paymentCircuitBreaker: trips after 5 consecutive failures, 10s interval, 30s open.')
var paymentCircuitBreaker = {
  consecutiveErrors: 5
  intervalInSeconds: 10
  timeoutInSeconds: 30
}

@export()
@description('ACA app resiliency (calls TO the app), from targets.apps in resiliency.yaml. ACA breakers have no open-state timeout or half-open request count: only the trip condition and interval carry over.')
var appResiliency = {
  'payment-service': {
    timeoutPolicy: { responseTimeoutInSeconds: timeouts.important }
    httpRetryPolicy: union(serviceRetry, { matches: { errors: ['5xx', 'connect-failure', 'reset'] } })
    circuitBreakerPolicy: {
      consecutiveErrors: paymentCircuitBreaker.consecutiveErrors
      intervalInSeconds: paymentCircuitBreaker.intervalInSeconds
      maxEjectionPercent: 100
    }
  }
  'inventory-service': {
    timeoutPolicy: { responseTimeoutInSeconds: timeouts.general }
    httpRetryPolicy: union(serviceRetry, { matches: { errors: ['5xx', 'connect-failure', 'reset'] } })
  }
}
