package normalize

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestKindText(t *testing.T) {
	for k, name := range map[Kind]string{Word: "word", Number: "number", URL: "url", Mention: "mention", Hashtag: "hashtag"} {
		b, err := k.MarshalText()
		require.NoError(t, err)
		assert.Equal(t, name, string(b))
		assert.Equal(t, name, k.String())
		var back Kind
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, k, back)
	}
	_, err := Kind(0).MarshalText()
	require.Error(t, err)
	assert.Equal(t, "Kind(9)", Kind(9).String())
	var k Kind
	require.Error(t, k.UnmarshalText([]byte("kata")))
}

func TestViaText(t *testing.T) {
	v := ViaLeet | ViaElongation
	assert.Equal(t, "leet,elongation", v.String())
	assert.True(t, v.Has(ViaLeet))
	assert.True(t, v.Has(ViaLeet|ViaElongation))
	assert.False(t, v.Has(ViaLeet|ViaSlang))
	b, err := v.MarshalText()
	require.NoError(t, err)
	var back Via
	require.NoError(t, back.UnmarshalText(b))
	assert.Equal(t, v, back)
	all := ViaUnicode | ViaLeet | ViaElongation | ViaSplit | ViaMask | ViaReduplication | ViaSlang
	assert.Equal(t, "unicode,leet,elongation,split,mask,reduplication,slang", all.String())
	assert.Equal(t, "", Via(0).String())
	require.NoError(t, back.UnmarshalText(nil))
	assert.Zero(t, back)
	require.Error(t, back.UnmarshalText([]byte("leet,sulap")))
	_, err = Via(1 << 12).MarshalText()
	require.Error(t, err)
}

func TestTokenJSON(t *testing.T) {
	tok := Token{Raw: "k4f1r", Norm: "kafir", Stem: "kafir", Start: 0, End: 5, Kind: Word, Via: ViaLeet, Known: true}
	b, err := json.Marshal(tok)
	require.NoError(t, err)
	assert.JSONEq(t, `{"raw":"k4f1r","norm":"kafir","stem":"kafir","start":0,"end":5,"kind":"word","via":["leet"],"known":true}`, string(b))
	var back Token
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, tok, back)

	b, err = json.Marshal(Token{Raw: "2019", Norm: "2019", Stem: "2019", Start: 3, End: 7, Kind: Number})
	require.NoError(t, err)
	assert.Equal(t, `{"raw":"2019","norm":"2019","stem":"2019","start":3,"end":7,"kind":"number"}`, string(b))

	require.Error(t, json.Unmarshal([]byte(`{"kind":"word","via":["sulap"]}`), &back))
	require.Error(t, json.Unmarshal([]byte(`{"kind":"kata"}`), &back))
}
