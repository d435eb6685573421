Authentication-Results: mail.buzon.uy;
	dkim=pass (2048-bit key; unprotected) header.d=fastmail.com header.i=@fastmail.com header.b="kLB05is1";
	dkim=pass (2048-bit key; unprotected) header.d=messagingengine.com header.i=@messagingengine.com header.b="B8mfR89g";
	dkim-atps=neutral
From: <alice@fastmail.com>
To: <alice@buzon.uy>
