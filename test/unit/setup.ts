// Every unit test gets a fresh in-memory IndexedDB (fake-indexeddb), like a new browser profile.
import 'fake-indexeddb/auto';
