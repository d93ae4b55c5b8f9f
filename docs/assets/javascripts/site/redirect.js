// A former exercise address: go to the exercise's new address (the page's canonical link),
// keeping the section anchor a clinic linked to (#steps, #dosage, #cautions), which the page's
// meta refresh, kept as the fallback without JavaScript, would drop.
{
  const canonical = document.querySelector('link[rel="canonical"]');
  if (canonical instanceof HTMLLinkElement) {
    const anchor = /^#[A-Za-z0-9_-]{1,64}$/.test(location.hash) ? location.hash : "";
    location.replace(canonical.href + anchor);
  }
}
