/**
 * The page's own script, served as /graphiql/assets/boot.js (a file, not inline, to satisfy the CSP).
 * Plain ES2017 for the browser: it is never compiled, so it is kept as text rather than a .ts module.
 * It mounts graphiql with the example tabs and a fetcher to this server's GraphQL endpoint.
 */
export const BOOT_SCRIPT = `'use strict';
(function () {
  var data = JSON.parse(document.getElementById('graphiql-data').textContent);

  // GraphiQL keeps tabs in localStorage and then ignores defaultTabs; namespacing its keys by a hash
  // of the examples shows the new tabs after operations/ changes. A blocked localStorage (private
  // mode, policies) must not stop the IDE, so every access falls back to an in-memory map.
  var memory = {};
  function store() { try { return window.localStorage; } catch (e) { return null; } }
  function ours(key) { return key.indexOf(data.storageNamespace) === 0; }
  function keys() {
    var s = store();
    return (s ? Object.keys(s) : Object.keys(memory)).filter(ours);
  }
  var storage = {
    getItem: function (key) {
      var s = store();
      var k = data.storageNamespace + key;
      try { return s ? s.getItem(k) : (k in memory ? memory[k] : null); } catch (e) { return null; }
    },
    setItem: function (key, value) {
      var s = store();
      var k = data.storageNamespace + key;
      try { if (s) s.setItem(k, value); else memory[k] = String(value); } catch (e) { memory[k] = String(value); }
    },
    removeItem: function (key) {
      var s = store();
      var k = data.storageNamespace + key;
      try { if (s) s.removeItem(k); } catch (e) { /* nothing stored */ }
      delete memory[k];
    },
    clear: function () { keys().forEach(function (key) { storage.removeItem(key.slice(data.storageNamespace.length)); }); },
    key: function (index) { var k = keys()[index]; return k === undefined ? null : k.slice(data.storageNamespace.length); },
    get length() { return keys().length; }
  };

  var props = {
    fetcher: GraphiQL.createFetcher({ url: data.graphqlPath }),
    storage: storage,
    defaultEditorToolsVisibility: 'variables',
    shouldPersistHeaders: false
  };
  if (data.tabs.length > 0) props.defaultTabs = data.tabs;
  // GraphiQL fills the first tab's query from defaultTabs but its variables editor only from the
  // variables prop or storage, so on a fresh load (no tabs stored yet) the first tab would open with
  // empty variables and its first Run fail on a required $id. Handing it the first tab's variables then,
  // and only then, leaves a returning user's stored editors alone.
  var first = data.tabs[0];
  if (first && first.variables && storage.getItem('graphiql:tabState') === null) props.variables = first.variables;

  ReactDOM.createRoot(document.getElementById('graphiql')).render(React.createElement(GraphiQL, props));
})();
`;
