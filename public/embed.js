/*
 * Substance Use Atlas embeds: sizes each embedded chart's <iframe> to its content, so the legend,
 * the sources and the credit line never sit below a scroll bar inside the frame.
 *
 * Use: <iframe src="https://<atlas>/embed/trend?…" …></iframe>
 *      <script src="https://<atlas>/embed.js" async></script>
 *
 * An embed posts {type: 'atlas:height', height, chart} to its parent on load and whenever its
 * content changes size; this script sets the height of the iframe that sent it (matched by
 * event.source, and by the origin of the frame's address). It asks every frame to post once more
 * when it starts, in case a frame finished loading first. Include it once per page; more
 * copies do nothing.
 */
(function () {
  if (window.__atlasEmbeds) return;
  window.__atlasEmbeds = true;
  var MAX = 20000;
  var originOf = function (frame) {
    try {
      return new URL(frame.src, window.location.href).origin;
    } catch {
      return null;
    }
  };
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || data.type !== 'atlas:height' || typeof data.height !== 'number' || !(data.height > 0)) return;
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (frame.contentWindow !== event.source) continue;
      if (originOf(frame) !== event.origin) return;
      frame.style.height = Math.ceil(Math.min(data.height, MAX)) + 'px';
      return;
    }
  });
  var ask = function () {
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      var origin = originOf(frames[i]);
      if (frames[i].contentWindow && origin && origin !== 'null') frames[i].contentWindow.postMessage({ type: 'atlas:measure' }, origin);
    }
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', ask);
  else ask();
})();
