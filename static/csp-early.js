// Loaded before Zoho's SDK: keeps the Content-Security-Policy violations that happen while the SDK
// starts, before the app's own module runs (src/host/cspWatch.ts takes them over and reports them).
(function () {
  var early = [];
  window.__zbdEarlyCsp = early;
  document.addEventListener('securitypolicyviolation', function (e) {
    if (window.__zbdEarlyCsp !== early) return;
    early.push({
      effectiveDirective: e.effectiveDirective,
      violatedDirective: e.violatedDirective,
      blockedURI: e.blockedURI,
      sourceFile: e.sourceFile,
      disposition: e.disposition,
    });
  });
})();
